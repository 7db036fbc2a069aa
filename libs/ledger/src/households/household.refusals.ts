import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about households: its kind (hence its HTTP status) and the request field it concerns. */
export const HOUSEHOLD_REFUSALS = {
  'HOUSEHOLD.NOT_FOUND': { kind: 'not_found' },
  'HOUSEHOLD.REGISTRATION_NO_TAKEN': { kind: 'conflict', field: 'registrationNo' },
  'HOUSEHOLD.STATUS_BEFORE_LAST_CHANGE': { kind: 'rule', field: 'effectiveOn' },
  'HOUSEHOLD.STATUS_UNCHANGED': { kind: 'rule', field: 'status' },
  'HOUSEHOLD.ALREADY_ERASED': { kind: 'conflict' },
} as const satisfies RefusalCatalogue;
