import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about any payment (reversal): its kind (hence its HTTP status) and the request field it concerns. */
export const PAYMENT_REFUSALS = {
  'PAYMENT.ALREADY_REVERSED': { kind: 'rule' },
  'PAYMENT.NOT_FOUND': { kind: 'not_found' },
  'PAYMENT.REVERSAL_NOT_REVERSIBLE': { kind: 'rule' },
  'PAYMENT.NOT_SEALED': { kind: 'not_found' },
  'PAYMENT.NOT_RETURNED': { kind: 'rule' },
  'PAYMENT.ALREADY_REISSUED': { kind: 'rule' },
  'PAYMENT.REISSUED_BEFORE_RETURNED': { kind: 'rule', field: 'paidOn' },
  'PAYMENT.REVERSED_NOT_RETURNABLE': { kind: 'rule' },
  'PAYMENT.ALREADY_RETURNED': { kind: 'rule' },
  'PAYMENT.RETURNED_BEFORE_PAID': { kind: 'rule', field: 'returnedOn' },
  'PAYMENT.RETURNED_NOT_REVERSIBLE': { kind: 'rule' },
  'SEAL.EMPTY_LOG': { kind: 'rule' },
} as const satisfies RefusalCatalogue;
