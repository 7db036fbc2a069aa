import type { Evolver } from '../common/decider';
import type { ObjectionOutcome } from '../notices/notice.events';
import type { AcknowledgementEvent, StatementAcknowledged } from './acknowledgement.events';

export interface AcknowledgementState {
  /** Oldest first; the statement shows the last. */
  acknowledgements: readonly StatementAcknowledged['data'][];
  /** Answers to disputed acknowledgements (grievances), by acknowledgement id. */
  resolutions: Readonly<Record<string, { outcome: ObjectionOutcome; response: string; resolvedOn: string }>>;
}

export function evolveAcknowledgement(state: AcknowledgementState, event: AcknowledgementEvent): AcknowledgementState {
  switch (event.type) {
    case 'StatementAcknowledged':
      return { ...state, acknowledgements: [...state.acknowledgements, event.data] };
    case 'ObjectionResolved': {
      const { objectionId, outcome, response, resolvedOn } = event.data;
      return { ...state, resolutions: { ...state.resolutions, [objectionId]: { outcome, response, resolvedOn } } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const acknowledgements: Evolver<AcknowledgementState, AcknowledgementEvent> = {
  initialState: { acknowledgements: [], resolutions: {} },
  evolve: evolveAcknowledgement,
};

/** A household's acknowledgements live in a stream of their own named after it. */
export const acknowledgementStreamOf = (householdId: string): string =>
  householdId.replace(/^household-/, 'acknowledgement-');

export const householdOfAcknowledgementStream = (streamId: string): string =>
  streamId.replace(/^acknowledgement-/, 'household-');

/** `<stream>.a<n>`: a disputed one is also the grievance's id. */
export const acknowledgementIdFor = (streamId: string, n: number): string => `${streamId}.a${n}`;
