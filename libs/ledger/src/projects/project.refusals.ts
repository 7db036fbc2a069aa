import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about projects, their funds and disbursements: its kind (hence its HTTP status) and the request field it concerns. */
export const PROJECT_REFUSALS = {
  'PROJECT.ALREADY_REGISTERED': { kind: 'conflict' },
  'PROJECT.DISBURSEMENT_EXCEEDS_FUNDS': { kind: 'rule', field: 'amountFen' },
  'PROJECT.FUNDS_TOO_LARGE': { kind: 'rule', field: 'amountFen' },
  'PROJECT.NOT_FOUND': { kind: 'not_found' },
  'PROJECT.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'PROJECT.UNKNOWN_OPERATOR': { kind: 'rule', field: 'operatorId' },
} as const satisfies RefusalCatalogue;
