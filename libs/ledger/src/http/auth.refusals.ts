import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about who may do what: its kind (hence its HTTP status) and the request field it concerns. */
export const AUTH_REFUSALS = {
  'AUTH.ADMIN_ONLY': { kind: 'forbidden' },
  'AUTH.AUDIT_ONLY': { kind: 'forbidden' },
  'AUTH.NOT_YOURS': { kind: 'forbidden' },
  'AUTH.OTHER_TOWNSHIP': { kind: 'forbidden' },
  'AUTH.READ_ONLY_ROLE': { kind: 'forbidden' },
  'AUTH.LINK_SCOPE': { kind: 'forbidden' },
} as const satisfies RefusalCatalogue;
