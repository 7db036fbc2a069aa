import { assertAdmin } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import type { UserEvent } from '../../auth/user.events';
import type { UserState } from '../../auth/user.state';
import type { RegisterUserCommand } from './register-user.command';

export function decideRegisterUser(command: RegisterUserCommand, state: UserState): UserEvent[] {
  const { payload, metadata } = command;
  assertAdmin(metadata.actor);
  if (state.status !== 'none') {
    throw conflict(
      'USER.ALREADY_REGISTERED',
      `User ${payload.userId} already exists.`,
      `用户${payload.userId}已存在。`,
    );
  }
  if (payload.role === 'clerk' && payload.townships.length === 0) {
    throw refuse('USER.CLERK_NEEDS_TOWNSHIPS', 'A clerk needs at least one township.', '经办人至少需要负责一个乡镇。');
  }
  if (payload.role === 'household' && !payload.householdId) {
    throw refuse('USER.HOUSEHOLD_NEEDS_ID', 'A household user needs householdId.', '农户用户需要填写 householdId。');
  }
  if (payload.role !== 'household' && payload.householdId) {
    throw refuse(
      'USER.HOUSEHOLD_ID_ONLY_FOR_HOUSEHOLDS',
      'Only a household user has a householdId.',
      '只有农户用户才有 householdId。',
    );
  }
  return [
    {
      type: 'UserRegistered',
      data: {
        userId: payload.userId,
        name: payload.name,
        role: payload.role,
        townships: payload.role === 'clerk' ? payload.townships : [],
        ...(payload.householdId ? { householdId: payload.householdId } : {}),
        tokenHash: payload.tokenHash,
      },
    },
  ];
}
