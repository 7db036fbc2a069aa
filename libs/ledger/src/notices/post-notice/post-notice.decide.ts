import { ERASED } from '../../personal-data/erased';
import { assertMayWriteIn } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import { maskName, maskRegistrationNo, NOTICE_MIN_DAYS, windowIsLongEnough } from '../notice-rules';
import type { NoticeEvent, NoticeRow } from '../notice.events';
import type { NoticeState } from '../notice.state';
import type { PostNoticeCommand } from './post-notice.command';

/** A household of the village on the notice's subject, with its amount, as the handler found it. */
export interface ListedHousehold {
  householdId: string;
  headName: string;
  registrationNo: string;
  amountFen: number;
}

/**
 * What the handler found for the subject: `undefined` when the subject does not exist (an unknown
 * declaration), else the village's households on it (those of other villages left out).
 */
export type NoticeListing = readonly ListedHousehold[] | undefined;

/**
 * Posts a notice: a clerk for its townships, an admin anywhere; a window of at least seven days
 * (`opensOn` through `closesOn`, both included; `opensOn` may be past: a paper notice recorded
 * afterwards); one row per household, masked, ordered by registration number, frozen here.
 */
export function decidePostNotice(
  command: PostNoticeCommand,
  state: NoticeState,
  listing: NoticeListing,
): NoticeEvent[] {
  const { payload, metadata } = command;
  assertMayWriteIn(metadata.actor, payload.township);
  if (state.status !== 'none') {
    throw conflict(
      'LEDGER.CONCURRENT_WRITE',
      `Notice ${payload.noticeId} exists already.`,
      `公示 ${payload.noticeId} 已存在。`,
    );
  }
  if (!windowIsLongEnough(payload.opensOn, payload.closesOn)) {
    throw refuse(
      'NOTICE.WINDOW_TOO_SHORT',
      `A notice is posted for at least ${NOTICE_MIN_DAYS} days: from ${payload.opensOn} it closes on ${payload.opensOn} + 6 days at the earliest, not ${payload.closesOn}.`,
      `公示期不少于 ${NOTICE_MIN_DAYS} 天：自 ${payload.opensOn} 起，截止日期最早为其后第 6 天，不能是 ${payload.closesOn}。`,
    );
  }
  if (listing === undefined) {
    throw refuse(
      'NOTICE.SUBJECT_NOT_FOUND',
      `The notice's subject ${JSON.stringify(payload.subject)} is not in the ledger.`,
      `公示对象 ${JSON.stringify(payload.subject)} 在账本中不存在。`,
    );
  }
  if (listing.length === 0) {
    throw refuse(
      'NOTICE.NO_ROWS',
      `No household of ${payload.village} (${payload.township}) is on this subject: there is nothing to post.`,
      `${payload.township}${payload.village}没有农户涉及该事项，没有可公示的内容。`,
    );
  }
  const rows = noticeRows(listing);
  return [
    {
      type: 'NoticePosted',
      data: {
        noticeId: payload.noticeId,
        village: payload.village,
        township: payload.township,
        title: payload.title,
        subject: payload.subject,
        opensOn: payload.opensOn,
        closesOn: payload.closesOn,
        rows,
      },
    },
  ];
}

/**
 * The rows a notice posts: one per household, ordered by registration number, masked. An erased
 * household (its name reads `[已删除]`) is listed with its amount, so the total holds, and with
 * neither name nor number: its masked number would still single the family out in its village.
 */
export function noticeRows(listing: readonly ListedHousehold[]): NoticeRow[] {
  return [...listing]
    .sort((a, b) => (a.registrationNo < b.registrationNo ? -1 : a.registrationNo > b.registrationNo ? 1 : 0))
    .map((h, i) => {
      const erased = h.headName === ERASED;
      return {
        rowId: `r${i + 1}`,
        householdId: h.householdId,
        maskedName: erased ? ERASED : maskName(h.headName),
        maskedRegistrationNo: erased ? ERASED : maskRegistrationNo(h.registrationNo),
        amountFen: h.amountFen,
      };
    });
}
