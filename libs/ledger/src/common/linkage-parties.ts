import type { EntityState } from '../entities/entity.state';
import type { HouseholdState } from '../households/household.state';
import { assertMayWriteIn, type Actor } from './actor';
import { refuse } from './domain-error';

/** The household and the entity a new linkage names, as their own streams stand (read by the handler). */
export interface LinkageParties {
  household: HouseholdState;
  entity: EntityState;
}

export interface RegisteredParties {
  household: Extract<HouseholdState, { status: 'registered' }>;
  entity: Extract<EntityState, { status: 'registered' }>;
}

/**
 * The checks every new linkage starts with, in one order: the household is registered (422), the
 * actor may write in its township (403), the entity is registered (422). `code` prefixes the error
 * codes (`EMPLOYMENT` → `EMPLOYMENT.UNKNOWN_HOUSEHOLD`).
 */
export function assertLinkageParties(
  code: 'EMPLOYMENT' | 'ORDER',
  ids: { householdId: string; entityId: string },
  { household, entity }: LinkageParties,
  actor: Actor,
): RegisteredParties {
  if (household.status !== 'registered') {
    throw refuse(
      `${code}.UNKNOWN_HOUSEHOLD` as const,
      `No household ${ids.householdId} is registered.`,
      `没有编号为 ${ids.householdId} 的农户，请先登记该户。`,
    );
  }
  assertMayWriteIn(actor, household.township);
  if (entity.status !== 'registered') {
    throw refuse(
      `${code}.UNKNOWN_ENTITY` as const,
      `No entity ${ids.entityId} is registered.`,
      `没有编号为 ${ids.entityId} 的经营主体，请先登记该主体。`,
    );
  }
  return { household, entity };
}
