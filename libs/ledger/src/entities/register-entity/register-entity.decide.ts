import { assertMayWriteIn } from '../../common/actor';
import { conflict } from '../../common/domain-error';
import type { EntityEvent, EntityState } from '../entity.state';
import type { RegisterEntityCommand } from './register-entity.command';

export function decideRegisterEntity(command: RegisterEntityCommand, state: EntityState): EntityEvent[] {
  assertMayWriteIn(command.metadata.actor, command.payload.township);
  if (state.status !== 'none') {
    throw conflict(
      'ENTITY.ALREADY_REGISTERED',
      `Entity ${state.entityId} is already registered.`,
      `经营主体 ${state.entityId} 已登记。`,
    );
  }
  return [{ type: 'EntityRegistered', data: command.payload }];
}
