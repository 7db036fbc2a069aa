import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about read models: its kind (hence its HTTP status) and the request field it concerns. */
export const QUERY_REFUSALS = {
  'QUERY.NOT_CAUGHT_UP': { kind: 'unavailable' },
  'QUERY.READ_MODEL_PARKED': { kind: 'unavailable' },
} as const satisfies RefusalCatalogue;
