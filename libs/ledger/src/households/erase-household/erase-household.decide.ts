import { assertAdmin } from '../../common/actor';
import { conflict, notFound } from '../../common/domain-error';
import type { HouseholdEvent } from '../household.events';
import type { HouseholdState } from '../household.state';
import type { EraseHouseholdCommand } from './erase-household.command';

/**
 * Only an admin erases, a registered household, once. The event records that and why; destroying
 * the key is the handler's (an adapter's) business, so this stays a pure function.
 */
export function decideEraseHousehold(command: EraseHouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  const { payload, metadata } = command;
  assertAdmin(metadata.actor);
  if (state.status !== 'registered') {
    throw notFound(
      'HOUSEHOLD.NOT_FOUND',
      `No household ${payload.householdId}.`,
      `没有编号为 ${payload.householdId} 的农户。`,
    );
  }
  if (state.erased) {
    throw conflict(
      'HOUSEHOLD.ALREADY_ERASED',
      "The household's personal data is already erased.",
      '该户的个人信息已经删除。',
    );
  }
  return [{ type: 'HouseholdErased', data: { householdId: payload.householdId, reason: payload.reason } }];
}
