import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about land leases and rents: its kind (hence its HTTP status) and the request field it concerns. */
export const LEASE_REFUSALS = {
  'LEASE.ALREADY_ENDED': { kind: 'rule', field: 'endsOn' },
  'LEASE.ALREADY_SIGNED': { kind: 'conflict' },
  'LEASE.END_BEFORE_PAID_PERIOD': { kind: 'rule', field: 'endsOn' },
  'LEASE.END_NOT_AFTER_START': { kind: 'rule', field: 'endsOn' },
  'LEASE.END_OUTSIDE_TERM': { kind: 'rule', field: 'endsOn' },
  'LEASE.INVALID_AREA': { kind: 'rule', field: 'areaMu' },
  'LEASE.NOT_FOUND': { kind: 'not_found' },
  'LEASE.NO_RENT_DUE': { kind: 'rule', field: 'endsOn' },
  'LEASE.OVERPAYMENT': { kind: 'rule', field: 'amountFen' },
  'LEASE.PAID_BEFORE_START': { kind: 'rule', field: 'paidOn' },
  'LEASE.PERIOD_ALREADY_PAID': { kind: 'rule', field: 'period' },
  'LEASE.PERIOD_NOT_IN_SCHEDULE': { kind: 'rule', field: 'period' },
  'LEASE.RENT_TOO_LARGE': { kind: 'rule', field: 'rentPerMuYearFen' },
  'LEASE.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'LEASE.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'householdId' },
} as const satisfies RefusalCatalogue;
