import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about public notices (公示), objections and grievances: kind and field. */
export const NOTICE_REFUSALS = {
  'NOTICE.NOT_FOUND': { kind: 'not_found' },
  'NOTICE.WINDOW_TOO_SHORT': { kind: 'rule', field: 'closesOn' },
  'NOTICE.SUBJECT_NOT_FOUND': { kind: 'rule', field: 'subject' },
  'NOTICE.NO_ROWS': { kind: 'rule', field: 'village' },
  'NOTICE.NOT_OPEN': { kind: 'rule' },
  'NOTICE.UNKNOWN_ROW': { kind: 'rule', field: 'rowId' },
  'NOTICE.OTHER_VILLAGE': { kind: 'forbidden' },
  'OBJECTION.NOT_FOUND': { kind: 'not_found' },
  'OBJECTION.ALREADY_RESOLVED': { kind: 'rule', field: 'outcome' },
  // A payment held by a notice: its problem type ends in `notice-hold` and carries `noticeId`.
  'PAYMENT.NOTICE-HOLD': { kind: 'rule' },
  // The same hold on a reissue of a returned payment: it pays the household on the notice again.
  // The request has no householdId; the household is the one the returned payment (the path's
  // paymentId) paid, so that is the field named.
  'PAYMENT.REISSUE_NOTICE-HOLD': { kind: 'rule', field: 'paymentId' },
} as const satisfies RefusalCatalogue;
