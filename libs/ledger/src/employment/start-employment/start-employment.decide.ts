import { assertMayWriteIn } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import type { EntityState } from '../../entities/entity.state';
import type { HouseholdState } from '../../households/household.state';
import type { EmploymentEvent } from '../employment.events';
import type { EmploymentState } from '../employment.state';
import type { StartEmploymentCommand } from './start-employment.command';

/** The household and the entity the body names, as their own streams stand (read by the handler). */
export interface EmploymentParties {
  household: HouseholdState;
  entity: EntityState;
}

export function decideStartEmployment(
  command: StartEmploymentCommand,
  state: EmploymentState,
  { household, entity }: EmploymentParties,
): EmploymentEvent[] {
  const { payload, metadata } = command;
  if (household.status !== 'registered') {
    throw refuse(
      'EMPLOYMENT.UNKNOWN_HOUSEHOLD',
      `No household ${payload.householdId} is registered.`,
      `没有编号为 ${payload.householdId} 的农户，请先登记该户。`,
    );
  }
  assertMayWriteIn(metadata.actor, household.township);
  if (entity.status !== 'registered') {
    throw refuse(
      'EMPLOYMENT.UNKNOWN_ENTITY',
      `No entity ${payload.entityId} is registered.`,
      `没有编号为 ${payload.entityId} 的经营主体，请先登记该主体。`,
    );
  }
  if (state.status !== 'none') {
    throw conflict(
      'EMPLOYMENT.ALREADY_STARTED',
      `Employment ${payload.employmentId} is already recorded.`,
      `劳务联结 ${payload.employmentId} 已登记。`,
    );
  }
  return [
    {
      type: 'EmploymentStarted',
      data: { ...payload, entityName: entity.name, township: household.township },
    },
  ];
}
