import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about dividend declarations and their payments: its kind (hence its HTTP status) and the request field it concerns. */
export const DIVIDEND_REFUSALS = {
  'DIVIDEND.ALREADY_DECLARED': { kind: 'conflict', field: 'period' },
  'DIVIDEND.BAD_PERIOD': { kind: 'rule', field: 'period' },
  'DIVIDEND.COLLECTIVE_NOT_ALLOCATED': { kind: 'rule', field: 'collectiveId' },
  'DIVIDEND.HOUSEHOLD_NOT_ALLOCATED': { kind: 'rule', field: 'householdId' },
  'DIVIDEND.NOT_FOUND': { kind: 'not_found' },
  'DIVIDEND.NO_ACTIVE_STAKES': { kind: 'rule', field: 'recordDate' },
  'DIVIDEND.NO_GUARANTEED_STAKES': { kind: 'rule', field: 'poolFen' },
  'DIVIDEND.OVERPAYMENT': { kind: 'rule', field: 'amountFen' },
  'DIVIDEND.PAID_BEFORE_DECLARED': { kind: 'rule', field: 'paidOn' },
  'DIVIDEND.TOO_LARGE': { kind: 'rule', field: 'poolFen' },
  'DIVIDEND.TOO_MANY_SHARES': { kind: 'rule' },
} as const satisfies RefusalCatalogue;
