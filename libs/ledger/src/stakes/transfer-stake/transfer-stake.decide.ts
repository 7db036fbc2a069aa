import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import type { EntityEvent, EntityState } from '../../entities/entity.state';
import { addDays, compareDates } from '../../primitives/calendar';
import { stakeIdFor } from '../stake-id';
import type { StakeAcquired } from '../stake.events';
import type { TransferStakeCommand } from './transfer-stake.command';

/** What the handler read of the household taking the shares: undefined when none is registered. */
export type TransferTarget = { householdId: string; township: string } | undefined;

/**
 * Re-allocates a fiscal-fund stake (动态调整): shares bought with public money follow need, while land
 * and loans stay with the household that brought them. The old stake ends the day before
 * `effectiveOn` and a new stake, the entity's next, continues it for the new household with the same
 * project, principal, shares, guarantee and end. Dividends then go by record date as for any stake:
 * a declaration recorded before `effectiveOn` still allocates to the old holder. A guaranteed stake
 * moves only on a month's first day, so the promise's months split whole between the two holders.
 * A clerk writes for both households, so both must be in the clerk's townships.
 */
export function decideTransferStake(
  command: TransferStakeCommand,
  state: EntityState,
  target: TransferTarget,
): EntityEvent[] {
  const { payload, metadata } = command;
  const stake = state.status === 'registered' ? state.stakes[payload.stakeId] : undefined;
  if (state.status !== 'registered' || stake === undefined) {
    throw notFound('STAKE.NOT_FOUND', `No stake ${payload.stakeId}.`, `没有编号为 ${payload.stakeId} 的股份。`);
  }
  assertMayWriteIn(metadata.actor, stake.township);
  if (stake.source !== 'fiscal_fund') {
    throw refuse(
      'STAKE.TRANSFER_ONLY_FISCAL_FUND',
      `Only shares bought with fiscal funds are re-allocated; this ${stake.source} stake belongs to its household.`,
      '只有财政资金折股量化的股份可以动态调整；土地、贷款和自有资金入股归原农户所有。',
    );
  }
  if (target === undefined) {
    throw refuse(
      'STAKE.TRANSFER_UNKNOWN_HOUSEHOLD',
      `No household ${payload.toHouseholdId} is registered; register the household first.`,
      `农户 ${payload.toHouseholdId} 未登记，请先登记。`,
    );
  }
  assertMayWriteIn(metadata.actor, target.township);
  if (target.householdId === stake.householdId) {
    throw refuse(
      'STAKE.TRANSFER_TO_SAME_HOUSEHOLD',
      'The stake already belongs to this household.',
      '该股份已属于这一农户，无需调整。',
    );
  }
  if (stake.endReason !== undefined) {
    throw refuse(
      'STAKE.TRANSFER_OF_ENDED_STAKE',
      `Stake ${stake.stakeId} ended on ${stake.endsOn} (${stake.endReason}); an ended stake cannot move.`,
      `股份 ${stake.stakeId} 已于 ${stake.endsOn} 终止（${stake.endReason}），不能再调整。`,
    );
  }
  if (compareDates(payload.effectiveOn, stake.startsOn) <= 0) {
    throw refuse(
      'STAKE.TRANSFER_NOT_AFTER_START',
      `The transfer must take effect after the stake started (${stake.startsOn}); the old holder keeps it at least one day.`,
      `调整生效日期须晚于股份起始日期 ${stake.startsOn}。`,
    );
  }
  if (stake.endsOn !== undefined && compareDates(payload.effectiveOn, stake.endsOn) > 0) {
    throw refuse(
      'STAKE.TRANSFER_AFTER_TERM',
      `The stake's term ends on ${stake.endsOn}; a transfer on ${payload.effectiveOn} would start after it.`,
      `该股份约定期限至 ${stake.endsOn}，调整生效日期 ${payload.effectiveOn} 已超出期限。`,
    );
  }
  if (stake.guaranteedYearlyFen !== undefined && !payload.effectiveOn.endsWith('-01')) {
    throw refuse(
      'STAKE.TRANSFER_GUARANTEE_MID_MONTH',
      'A stake with a guaranteed dividend moves only on the first day of a month, so no month of the promise is lost.',
      '有保底分红的股份只能在某月1日调整，以免保底期间的月份落空。',
    );
  }
  const newStakeId = stakeIdFor(stake.entityId, state.stakeCount + 1);
  const continued: StakeAcquired['data'] = {
    stakeId: newStakeId,
    entityId: stake.entityId,
    householdId: target.householdId,
    township: target.township,
    ...(stake.projectId === undefined ? {} : { projectId: stake.projectId }),
    source: stake.source,
    principalFen: stake.principalFen,
    shares: stake.shares,
    ...(stake.guaranteedYearlyFen === undefined
      ? {}
      : {
          guaranteedYearlyFen: stake.guaranteedYearlyFen,
          guaranteeSchedule: stake.guaranteeSchedule ?? 'yearly',
          guarantor: stake.guarantor ?? 'entity',
          promiseStartsOn: stake.promiseStartsOn ?? stake.startsOn,
        }),
    startsOn: payload.effectiveOn,
    ...(stake.endsOn === undefined ? {} : { endsOn: stake.endsOn }),
    transferredFrom: stake.stakeId,
  };
  return [
    {
      type: 'StakeEnded',
      data: {
        stakeId: stake.stakeId,
        entityId: stake.entityId,
        endsOn: addDays(payload.effectiveOn, -1),
        reason: payload.reason,
        transferredTo: newStakeId,
      },
    },
    { type: 'StakeAcquired', data: continued },
  ];
}
