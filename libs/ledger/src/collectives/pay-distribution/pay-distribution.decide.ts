import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import { assertNoNoticeHold } from '../../payments/notice-hold';
import { paymentIdFor } from '../../payments/payment';
import { formatYuan } from '../../primitives/money';
import type { DistributionEvent } from '../collective.events';
import { allocatedOn, owedOn, type DistributionState } from '../distribution.state';
import type { PayDistributionCommand } from './pay-distribution.command';

/**
 * Pays a household part or all of its share of a distribution: only a household listed on it, not
 * before the distribution was declared, and never more than its share minus what it was already
 * paid (reversed and returned payments do not count), nor while a public notice on it holds the
 * household's payment. Concurrent payments race on the stream.
 */
export function decidePayDistribution(command: PayDistributionCommand, state: DistributionState): DistributionEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'declared') {
    throw notFound(
      'DISTRIBUTION.NOT_FOUND',
      `No distribution ${payload.distributionId}.`,
      `没有编号为 ${payload.distributionId} 的二次分配方案。`,
    );
  }
  assertMayWriteIn(metadata.actor, state.township);
  const allocation = state.allocations.find((a) => a.householdId === payload.householdId);
  if (allocation === undefined) {
    throw refuse(
      'DISTRIBUTION.HOUSEHOLD_NOT_ALLOCATED',
      `Household ${payload.householdId} is not listed on ${state.collectiveName}'s ${state.period} distribution.`,
      `农户 ${payload.householdId} 不在${state.collectiveName} ${state.period} 二次分配名单中。`,
    );
  }
  assertMayWriteIn(metadata.actor, allocation.township);
  // A public notice (公示) on this distribution holds the village's payments until it has closed with
  // every objection answered; the hold is in this stream, so it and the payment cannot race.
  assertNoNoticeHold(state.noticeHolds, payload.householdId, metadata.issuedAt);
  if (payload.paidOn < state.declaredOn) {
    throw refuse(
      'DISTRIBUTION.PAID_BEFORE_DECLARED',
      `The distribution was declared on ${state.declaredOn}; it cannot have been paid earlier (${payload.paidOn}).`,
      `该二次分配于 ${state.declaredOn} 确定，发放日期 ${payload.paidOn} 不能早于该日期。`,
    );
  }
  const owed = owedOn(state, payload.householdId);
  if (payload.amountFen > owed) {
    throw refuse(
      'DISTRIBUTION.OVERPAYMENT',
      `The household's share is ${formatYuan(allocatedOn(state, payload.householdId))} yuan and ${formatYuan(owed)} ` +
        `is still owed, less than the ${formatYuan(payload.amountFen)} yuan to be paid.`,
      `该户本次二次分配应得 ${formatYuan(allocatedOn(state, payload.householdId))} 元，还欠 ${formatYuan(owed)} 元，` +
        `少于本次发放的 ${formatYuan(payload.amountFen)} 元。`,
    );
  }
  return [
    {
      type: 'DistributionPaid',
      data: {
        distributionId: state.distributionId,
        paymentId: paymentIdFor(state.distributionId, state.payments.count + 1),
        collectiveId: state.collectiveId,
        collectiveName: state.collectiveName,
        householdId: payload.householdId,
        township: allocation.township,
        period: state.period,
        amountFen: payload.amountFen,
        paidOn: payload.paidOn,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
        basis: state.basis,
        weight: allocation.weight,
        totalWeight: state.totalWeight,
        poolFen: state.poolFen,
        incomeSources: state.incomeSources,
      },
    },
  ];
}
