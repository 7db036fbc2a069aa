import type { Evolver } from '../common/decider';
import type { ReconciliationEvent } from './reconciliation.events';

/** A reconciliation's stream holds its one event: recorded or not (a retry finds it recorded). */
export const reconciliationStream: Evolver<{ recorded: boolean }, ReconciliationEvent> = {
  initialState: { recorded: false },
  evolve: () => ({ recorded: true }),
};
