import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about a reconciliation of a bank file: its kind (hence its HTTP status) and the field it concerns. */
export const RECONCILIATION_REFUSALS = {
  'RECONCILIATION.NOT_FOUND': { kind: 'not_found' },
} as const satisfies RefusalCatalogue;
