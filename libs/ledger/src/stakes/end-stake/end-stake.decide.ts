import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import type { EntityEvent, EntityState } from '../../entities/entity.state';
import type { EndStakeCommand } from './end-stake.command';

/**
 * Ends a stake as of a date. It stays on record; from the day after, it no longer takes part in
 * dividends. A stake ends once, not before it started, and not after the end of its agreed term.
 */
export function decideEndStake(command: EndStakeCommand, state: EntityState): EntityEvent[] {
  const { payload, metadata } = command;
  const stake = state.status === 'registered' ? state.stakes[payload.stakeId] : undefined;
  if (stake === undefined) {
    throw notFound('STAKE.NOT_FOUND', `No stake ${payload.stakeId}.`, `没有编号为 ${payload.stakeId} 的股份。`);
  }
  assertMayWriteIn(metadata.actor, stake.township);
  if (stake.endReason !== undefined) {
    throw refuse(
      'STAKE.ALREADY_ENDED',
      `Stake ${stake.stakeId} already ended on ${stake.endsOn} (${stake.endReason}).`,
      `股份 ${stake.stakeId} 已于 ${stake.endsOn} 终止（${stake.endReason}）。`,
    );
  }
  if (payload.endsOn < stake.startsOn) {
    throw refuse(
      'STAKE.ENDS_BEFORE_START',
      `The stake cannot end (${payload.endsOn}) before it started (${stake.startsOn}).`,
      `终止日期 ${payload.endsOn} 早于股份起始日期 ${stake.startsOn}。`,
    );
  }
  if (stake.endsOn !== undefined && payload.endsOn > stake.endsOn) {
    throw refuse(
      'STAKE.ENDS_AFTER_TERM',
      `The stake's term ends on ${stake.endsOn}; it cannot be ended later (${payload.endsOn}).`,
      `该股份约定期限至 ${stake.endsOn}，终止日期 ${payload.endsOn} 不能晚于约定期限。`,
    );
  }
  return [
    {
      type: 'StakeEnded',
      data: { stakeId: stake.stakeId, entityId: stake.entityId, endsOn: payload.endsOn, reason: payload.reason },
    },
  ];
}
