import { DomainError } from '../common/domain-error';
import { dateInChina } from '../primitives/calendar';
import type { NoticeHoldChanged } from '../notices/notice.events';

/*
 * A public notice's hold on payments (公示): kept in the paying stream (a dividend's, a distribution's)
 * and checked by the deciders that pay or reissue. It refuses payments (`PAYMENT.NOTICE-HOLD`), so it
 * lives with them: dividends and collectives use it without importing notices, which lists them.
 */

/** The holds recorded in a subject's stream, the latest per notice. */
export type NoticeHolds = Readonly<Record<string, NoticeHoldChanged['data']>>;

export const NO_NOTICE_HOLDS: NoticeHolds = {};

export function withNoticeHold(holds: NoticeHolds, event: NoticeHoldChanged): NoticeHolds {
  return { ...holds, [event.data.noticeId]: event.data };
}

/**
 * The notice holding a payment to `householdId` on `today` (China time), if any: from the notice's
 * posting until it has closed (the day after `closesOn`) with every objection resolved.
 */
export function noticeHolding(holds: NoticeHolds, householdId: string, today: string): string | undefined {
  return Object.values(holds)
    .filter((h) => h.householdIds.includes(householdId))
    .find((h) => today <= h.closesOn || h.unresolvedObjections > 0)?.noticeId;
}

/** What a hold refuses: a first payment, or a reissue of a returned one (both end in `notice-hold`). */
export type NoticeHoldCode = 'PAYMENT.NOTICE-HOLD' | 'PAYMENT.REISSUE_NOTICE-HOLD';

/** A refusal that names the notice in the problem details (`noticeId`). */
export class NoticeHoldError extends DomainError {
  constructor(
    readonly noticeId: string,
    en: string,
    zh: string,
    code: NoticeHoldCode = 'PAYMENT.NOTICE-HOLD',
  ) {
    super(code, 'rule', en, zh, { noticeId });
  }
}

/**
 * Refuses a payment while a notice holds it. `issuedAt` is the command's instant (its handler's
 * clock), so the decider stays pure.
 */
export function assertNoNoticeHold(
  holds: NoticeHolds,
  householdId: string,
  issuedAt: string,
  code: NoticeHoldCode = 'PAYMENT.NOTICE-HOLD',
): void {
  const noticeId = noticeHolding(holds, householdId, dateInChina(issuedAt));
  if (noticeId === undefined) return;
  const hold = holds[noticeId];
  throw new NoticeHoldError(
    noticeId,
    `Notice ${noticeId} lists this payment and holds it until it has closed (after ${hold.closesOn}) with every objection answered` +
      (hold.unresolvedObjections > 0 ? ` (${hold.unresolvedObjections} not answered yet).` : '.'),
    `公示 ${noticeId} 尚未结束：须公示期满（${hold.closesOn} 之后）且所有异议均已答复后才能发放` +
      (hold.unresolvedObjections > 0 ? `（还有 ${hold.unresolvedObjections} 条异议未答复）。` : '。'),
    code,
  );
}
