import { UUID } from '../common/id-pattern';

const STAKE_ID = new RegExp(`^(entity-${UUID})\\.s[1-9]\\d*$`);

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
