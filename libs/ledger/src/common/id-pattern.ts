/** A UUID as the ledger's ids carry it (lower case). */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * The shape of a ledger id of a kind (`entity-<uuid>`, `household-<uuid>`, `project-<uuid>`), for
 * validating ids in request bodies: a malformed one is bad input (400), a well-formed unknown one 422.
 */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-${UUID}$`);
}
