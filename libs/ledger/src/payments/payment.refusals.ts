import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about any payment (reversal): its kind (hence its HTTP status) and the request field it concerns. */
export const PAYMENT_REFUSALS = {
  'PAYMENT.ALREADY_REVERSED': { kind: 'rule' },
  'PAYMENT.NOT_FOUND': { kind: 'not_found' },
  'PAYMENT.REVERSAL_NOT_REVERSIBLE': { kind: 'rule' },
} as const satisfies RefusalCatalogue;
