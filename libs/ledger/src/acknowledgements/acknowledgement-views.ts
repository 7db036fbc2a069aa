import type { StatementAcknowledged } from './acknowledgement.events';
import type { AcknowledgementState } from './acknowledgement.state';
import type { AcknowledgementView, GrievanceView } from './acknowledgement.view';

export function toAcknowledgementView(a: StatementAcknowledged['data']): AcknowledgementView {
  return {
    id: a.acknowledgementId,
    through: a.through,
    totalFen: a.totalFen,
    method: a.method,
    acknowledgedOn: a.acknowledgedOn,
    disputed: a.disputed,
    ...(a.comment === undefined ? {} : { comment: a.comment }),
  };
}

/** The latest acknowledgement, for the statement. */
export function latestAcknowledgement(state: AcknowledgementState): AcknowledgementView | undefined {
  const last = state.acknowledgements[state.acknowledgements.length - 1];
  return last === undefined ? undefined : toAcknowledgementView(last);
}

/** Every grievance, oldest first, with its answer. */
export function grievancesOf(state: AcknowledgementState): GrievanceView[] {
  return state.acknowledgements
    .filter((a) => a.disputed)
    .map((a) => {
      const answer = state.resolutions[a.acknowledgementId];
      return {
        ...toAcknowledgementView(a),
        status: answer ? answer.outcome : 'open',
        ...(answer ? { response: answer.response, resolvedOn: answer.resolvedOn } : {}),
      };
    });
}

/**
 * The acknowledgement a statement shows: the one recorded last, or, for a statement as of an
 * instant, the last one recorded by then.
 */
export function acknowledgementAsOf(
  recorded: readonly { type: string; data: unknown; recordedAt: Date }[],
  asOf: string | null,
): AcknowledgementView | undefined {
  const limit = asOf === null ? undefined : Date.parse(asOf);
  const last = recorded
    .filter((e) => e.type === 'StatementAcknowledged' && (limit === undefined || e.recordedAt.getTime() <= limit))
    .at(-1);
  return last === undefined ? undefined : toAcknowledgementView(last.data as StatementAcknowledged['data']);
}
