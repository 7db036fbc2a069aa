import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about printed statements: its kind (hence its HTTP status) and the request field it concerns. */
export const STATEMENT_REFUSALS = {
  'STATEMENT.UNKNOWN_CODE': { kind: 'not_found' },
  'VILLAGE.NOT_FOUND': { kind: 'not_found' },
} as const satisfies RefusalCatalogue;
