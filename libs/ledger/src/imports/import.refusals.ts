import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about roster imports: its kind (hence its HTTP status) and the request field it concerns. */
export const IMPORT_REFUSALS = {
  'IMPORT.NOT_FOUND': { kind: 'not_found' },
  'IMPORT.UNKNOWN_DECLARATION': { kind: 'rule', field: 'declarationId' },
  'IMPORT.UNKNOWN_DISTRIBUTION': { kind: 'rule', field: 'distributionId' },
  'IMPORT.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'IMPORT.UNKNOWN_TEMPLATE': { kind: 'not_found' },
} as const satisfies RefusalCatalogue;
