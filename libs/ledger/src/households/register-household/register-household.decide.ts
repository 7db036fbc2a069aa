import { assertMayWriteIn } from '../../common/actor';
import { conflict } from '../../common/domain-error';
import type { HouseholdEvent } from '../household.events';
import type { HouseholdState } from '../household.state';
import type { RegisterHouseholdCommand } from './register-household.command';

export function decideRegisterHousehold(command: RegisterHouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  const { payload, metadata } = command;
  assertMayWriteIn(metadata.actor, payload.township);
  if (state.status !== 'none') {
    throw conflict(
      'HOUSEHOLD.REGISTRATION_NO_TAKEN',
      `Registration number ${payload.registrationNo} is already registered (household ${state.householdId}, ${state.headName}).`,
      `建档立卡编号 ${payload.registrationNo} 已登记（${state.headName}户，${state.householdId}）。`,
    );
  }
  return [{ type: 'HouseholdRegistered', data: payload }];
}
