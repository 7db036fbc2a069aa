import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about idempotency keys: its kind (hence its HTTP status) and the request field it concerns. */
export const IDEMPOTENCY_REFUSALS = {
  'IDEMPOTENCY.KEY_REUSED': { kind: 'rule', field: 'Idempotency-Key' },
} as const satisfies RefusalCatalogue;
