import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import { dateInChina } from '../../primitives/calendar';
import type { AcknowledgementState } from '../../acknowledgements/acknowledgement.state';
import type { ObjectionResolved } from '../notice.events';
import type { NoticeState } from '../notice.state';
import type { ResolveObjectionCommand } from './resolve-objection.command';

/** The objection or grievance as its stream holds it, read by the handler. */
export interface Answerable {
  /** The township whose clerks answer it (the notice's, or the household's). */
  township: string;
  resolved: boolean;
}

export const objectionNotFound = (objectionId: string) =>
  notFound(
    'OBJECTION.NOT_FOUND',
    `No objection or grievance ${objectionId}.`,
    `没有编号为 ${objectionId} 的异议或申诉。`,
  );

/** A clerk of the township or an admin answers an objection or a grievance once: upheld or rejected. */
export function decideResolveObjection(
  command: ResolveObjectionCommand,
  found: Answerable | undefined,
): ObjectionResolved[] {
  const { payload, metadata } = command;
  if (found === undefined) throw objectionNotFound(payload.objectionId);
  assertMayWriteIn(metadata.actor, found.township);
  if (found.resolved) {
    throw refuse(
      'OBJECTION.ALREADY_RESOLVED',
      `${payload.objectionId} has been answered already; an answer is not changed, a further one is a new objection.`,
      `${payload.objectionId} 已经答复过，答复不能更改；如有新情况请另行提出异议。`,
    );
  }
  return [
    {
      type: 'ObjectionResolved',
      data: {
        objectionId: payload.objectionId,
        outcome: payload.outcome,
        response: payload.response,
        resolvedOn: dateInChina(metadata.issuedAt),
      },
    },
  ];
}

/** An objection as its notice's stream holds it. */
export function objectionOnNotice(state: NoticeState, objectionId: string): Answerable | undefined {
  if (state.status !== 'posted') return undefined;
  const record = state.objections.find((o) => o.objection.objectionId === objectionId);
  return record && { township: state.township, resolved: record.resolution !== undefined };
}

/** A grievance (a disputed acknowledgement) as the household's stream holds it; `township` is the household's. */
export function grievanceOf(
  state: AcknowledgementState,
  objectionId: string,
  township: string | undefined,
): Answerable | undefined {
  const disputed = state.acknowledgements.find((a) => a.acknowledgementId === objectionId && a.disputed);
  return disputed && township !== undefined
    ? { township, resolved: state.resolutions[objectionId] !== undefined }
    : undefined;
}
