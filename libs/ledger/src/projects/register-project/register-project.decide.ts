import { assertAdmin } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import type { EntityState } from '../../entities/entity.state';
import type { ProjectEvent } from '../project.events';
import type { ProjectState } from '../project.state';
import type { RegisterProjectCommand } from './register-project.command';

/**
 * Registers a project. `operator` is the state of the entity named as `operatorId` (read by the
 * handler), undefined when none is named.
 */
export function decideRegisterProject(
  command: RegisterProjectCommand,
  state: ProjectState,
  operator: EntityState | undefined,
): ProjectEvent[] {
  const { payload, metadata } = command;
  assertAdmin(metadata.actor);
  if (state.status !== 'none') {
    throw conflict(
      'PROJECT.ALREADY_REGISTERED',
      `Project ${state.projectId} is already registered.`,
      `扶贫项目 ${state.projectId} 已登记。`,
    );
  }
  if (payload.operatorId !== undefined && operator?.status !== 'registered') {
    throw refuse(
      'PROJECT.UNKNOWN_OPERATOR',
      `No entity ${payload.operatorId} is registered to operate the project; register the entity first.`,
      `运营主体 ${payload.operatorId} 未登记，请先登记该经营主体。`,
    );
  }
  return [{ type: 'ProjectRegistered', data: payload }];
}
