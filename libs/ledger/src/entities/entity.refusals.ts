import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about operating entities: its kind (hence its HTTP status) and the request field it concerns. */
export const ENTITY_REFUSALS = {
  'ENTITY.ALREADY_REGISTERED': { kind: 'conflict' },
  'ENTITY.NOT_FOUND': { kind: 'not_found' },
} as const satisfies RefusalCatalogue;
