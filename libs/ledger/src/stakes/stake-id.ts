const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STAKE_ID = new RegExp(`^(entity-${UUID})\\.s[1-9]\\d*$`);

/**
 * The shape of a ledger id of a kind (`entity-<uuid>`, `household-<uuid>`, `project-<uuid>`), for
 * validating ids in request bodies: a malformed one is bad input (400), a well-formed unknown one 422.
 */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-${UUID}$`);
}

/** The id of an entity's n-th stake (1-based): `<entityId>.s<n>`. Stakes live in the entity's stream. */
export const stakeIdFor = (entityId: string, n: number): string => `${entityId}.s${n}`;

/** The entity a stake id belongs to, or undefined if it is not a stake id. */
export function entityOfStake(stakeId: string): string | undefined {
  return STAKE_ID.exec(stakeId)?.[1];
}

/** The stake's place among its entity's stakes (`…s12` → 12), for ordering stakes as they were acquired. */
export function stakeNumber(stakeId: string): number {
  const match = /\.s(\d+)$/.exec(stakeId);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}
