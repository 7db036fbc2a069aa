import { assertMayWriteIn } from '../../common/actor';
import { forbidden, refuse } from '../../common/domain-error';
import { dateInChina } from '../../primitives/calendar';
import { noticeStatus } from '../notice-rules';
import type { NoticeEvent } from '../notice.events';
import { noticeNotFound, objectionIdFor, type NoticeState } from '../notice.state';
import type { RaiseObjectionCommand } from './raise-objection.command';

/** The village a household user lives in (read from its own stream by the handler). */
export interface Objector {
  township: string;
  village: string;
}

/**
 * Anyone of the village may object while the notice is open (by the China-time date of the
 * command): a household for its own village's notice (403 otherwise), a clerk of the township, an
 * admin. Each objection keeps the notice's hold on its subject until it is answered.
 */
export function decideRaiseObjection(
  command: RaiseObjectionCommand,
  state: NoticeState,
  objector: Objector | undefined,
): NoticeEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'posted') throw noticeNotFound(payload.noticeId);
  const { actor } = metadata;
  if (actor.role === 'household') {
    if (objector?.township !== state.township || objector.village !== state.village) {
      throw forbidden(
        'NOTICE.OTHER_VILLAGE',
        `A household objects only to its own village's notices; this one is for ${state.village}.`,
        `农户只能对本村的公示提出异议；此公示属于${state.village}。`,
      );
    }
  } else {
    assertMayWriteIn(actor, state.township);
  }
  const today = dateInChina(metadata.issuedAt);
  const status = noticeStatus(state, today);
  if (status !== 'open') {
    throw refuse(
      'NOTICE.NOT_OPEN',
      `The notice is open from ${state.opensOn} through ${state.closesOn}; on ${today} it is ${status}.`,
      `公示期为 ${state.opensOn} 至 ${state.closesOn}，${today} ${status === 'upcoming' ? '尚未开始' : '已经结束'}，不能提出异议。`,
    );
  }
  if (payload.rowId !== undefined && !state.rows.some((r) => r.rowId === payload.rowId)) {
    throw refuse(
      'NOTICE.UNKNOWN_ROW',
      `The notice has rows r1 to r${state.rows.length}; there is no ${payload.rowId}.`,
      `公示共 ${state.rows.length} 行（r1 至 r${state.rows.length}），没有 ${payload.rowId}。`,
    );
  }
  return [
    {
      type: 'ObjectionRaised',
      data: {
        objectionId: objectionIdFor(state.noticeId, state.objections.length + 1),
        noticeId: state.noticeId,
        ...(payload.rowId === undefined ? {} : { rowId: payload.rowId }),
        ...(actor.role === 'household' && actor.householdId ? { householdId: actor.householdId } : {}),
        text: payload.text,
        ...(payload.contact === undefined ? {} : { contact: payload.contact }),
        raisedOn: today,
      },
    },
  ];
}
