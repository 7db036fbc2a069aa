import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about users: its kind (hence its HTTP status) and the request field it concerns. */
export const USER_REFUSALS = {
  'USER.ALREADY_REGISTERED': { kind: 'conflict' },
  'USER.CLERK_NEEDS_TOWNSHIPS': { kind: 'rule', field: 'townships' },
  'USER.HOUSEHOLD_ID_ONLY_FOR_HOUSEHOLDS': { kind: 'rule', field: 'householdId' },
  'USER.HOUSEHOLD_NEEDS_ID': { kind: 'rule', field: 'householdId' },
  'USER.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'householdId' },
} as const satisfies RefusalCatalogue;
