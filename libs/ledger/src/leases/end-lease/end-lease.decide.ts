import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { compareDates } from '../../primitives/calendar';
import { formatYuan } from '../../primitives/money';
import { computeRentDues } from '../../primitives/rent';
import { leaseNotFound } from '../lease.common';
import type { LeaseEvent } from '../lease.events';
import { paidForPeriod, type LeaseState } from '../lease.state';
import type { EndLeaseCommand } from './end-lease.command';

/**
 * Ends a lease early: once only, on a day inside the term (on or after its start, before its current
 * end; `endsOn` is the new last day, inclusive). The schedule is recomputed for the shortened term the
 * same way it was signed. Nothing paid is silently changed: if the new schedule would make any period
 * owe less than was already paid for it (unreversed), the end is refused; the clerk reverses the excess
 * payment first, or picks a later end.
 */
export function decideEndLease(command: EndLeaseCommand, state: LeaseState): LeaseEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'signed') throw leaseNotFound(payload.leaseId);
  assertMayWriteIn(metadata.actor, state.terms.township);
  if (state.ended) {
    throw refuse(
      'LEASE.ALREADY_ENDED',
      `The lease already ended on ${state.ended.endsOn}.`,
      `该租赁合同已于 ${state.ended.endsOn} 终止。`,
    );
  }
  const { startsOn, endsOn: currentEnd } = state.terms;
  if (compareDates(payload.endsOn, startsOn) < 0 || compareDates(payload.endsOn, currentEnd) >= 0) {
    throw refuse(
      'LEASE.END_OUTSIDE_TERM',
      `An early end must fall inside the term: on or after ${startsOn} and before ${currentEnd}; ${payload.endsOn} is not.`,
      `提前终止日期须在租期内：不早于 ${startsOn}，且早于原定结束日 ${currentEnd}；${payload.endsOn} 不符合。`,
    );
  }
  const dues = computeRentDues({ ...state.terms, endsOn: payload.endsOn });
  for (const period of new Set(state.payments.list().map((p) => p.period ?? ''))) {
    const paid = paidForPeriod(state.payments, period);
    const newDue = dues.find((d) => d.period === period)?.amountFen ?? 0;
    if (paid > newDue) {
      throw refuse(
        'LEASE.END_BEFORE_PAID_PERIOD',
        `Ending on ${payload.endsOn} would make the rent for ${period} ${formatYuan(newDue)} yuan, less than the ${formatYuan(paid)} yuan already paid; reverse the excess payment first or choose a later end.`,
        `按终止日期 ${payload.endsOn} 重算后，${period} 期应付租金为 ${formatYuan(newDue)} 元，少于已付的 ${formatYuan(paid)} 元；请先冲销多付的款项，或选择较晚的终止日期。`,
      );
    }
  }
  return [
    {
      type: 'LeaseEnded',
      data: {
        leaseId: payload.leaseId,
        endsOn: payload.endsOn,
        reason: payload.reason,
        dues: dues.map((d) => ({ period: d.period, dueOn: d.dueOn, share: d.share, amountFen: d.amountFen })),
      },
    },
  ];
}
