import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import type { HouseholdEvent } from '../household.events';
import type { HouseholdState } from '../household.state';
import type { ChangeHouseholdStatusCommand } from './change-household-status.command';

export function decideChangeHouseholdStatus(
  command: ChangeHouseholdStatusCommand,
  state: HouseholdState,
): HouseholdEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'registered') {
    throw notFound(
      'HOUSEHOLD.NOT_FOUND',
      `No household ${payload.householdId}.`,
      `没有编号为 ${payload.householdId} 的农户。`,
    );
  }
  assertMayWriteIn(metadata.actor, state.township);
  if (state.povertyStatus === payload.status) {
    throw refuse(
      'HOUSEHOLD.STATUS_UNCHANGED',
      `The household is already ${payload.status}.`,
      `该户状态已经是“${STATUS_ZH[payload.status]}”。`,
    );
  }
  const last = state.statusHistory[state.statusHistory.length - 1];
  const since = last?.effectiveOn ?? state.enrolledOn;
  if (since !== undefined && payload.effectiveOn < since) {
    throw refuse(
      'HOUSEHOLD.STATUS_BEFORE_LAST_CHANGE',
      `effectiveOn ${payload.effectiveOn} is before the household's last status date ${since}.`,
      `生效日期 ${payload.effectiveOn} 早于该户上次状态变更日期 ${since}。`,
    );
  }
  return [{ type: 'HouseholdStatusChanged', data: payload }];
}

export const STATUS_ZH = { enrolled: '在册贫困户', exited: '已脱贫', monitored: '监测户' } as const;
