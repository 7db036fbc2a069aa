import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about a collective's distributions and their payments, with the field it concerns. */
export const COLLECTIVE_REFUSALS = {
  'COLLECTIVE.NOT_FOUND': { kind: 'not_found' },
  'COLLECTIVE.NOT_A_COLLECTIVE': { kind: 'rule' },
  'DISTRIBUTION.NOT_FOUND': { kind: 'not_found' },
  'DISTRIBUTION.CONCURRENT': { kind: 'conflict' },
  'DISTRIBUTION.BAD_PERIOD': { kind: 'rule', field: 'period' },
  'DISTRIBUTION.EXCEEDS_INCOME': { kind: 'rule', field: 'poolFen' },
  'DISTRIBUTION.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'households' },
  'DISTRIBUTION.HOUSEHOLD_OUTSIDE_TOWNSHIP': { kind: 'rule', field: 'households' },
  'DISTRIBUTION.HOUSEHOLD_REPEATED': { kind: 'rule', field: 'households' },
  'DISTRIBUTION.HOUSEHOLD_NOT_ALLOCATED': { kind: 'rule', field: 'householdId' },
  'DISTRIBUTION.PAID_BEFORE_DECLARED': { kind: 'rule', field: 'paidOn' },
  'DISTRIBUTION.OVERPAYMENT': { kind: 'rule', field: 'amountFen' },
} as const satisfies RefusalCatalogue;
