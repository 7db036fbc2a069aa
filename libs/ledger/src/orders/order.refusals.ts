import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about purchase orders: its kind (hence its HTTP status) and the request field it concerns. */
export const ORDER_REFUSALS = {
  'ORDER.ALREADY_CONTRACTED': { kind: 'conflict' },
  'ORDER.AMOUNT_MISMATCH': { kind: 'rule', field: 'amountFen' },
  'ORDER.AMOUNT_TOO_LARGE': { kind: 'rule', field: 'amountFen' },
  'ORDER.DELIVERY_OUTSIDE_CONTRACT': { kind: 'rule', field: 'deliveredOn' },
  'ORDER.ENDS_BEFORE_START': { kind: 'rule', field: 'endsOn' },
  'ORDER.NOT_FOUND': { kind: 'not_found' },
  'ORDER.PAID_BEFORE_DELIVERY': { kind: 'rule', field: 'paidOn' },
  'ORDER.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'ORDER.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'householdId' },
} as const satisfies RefusalCatalogue;
