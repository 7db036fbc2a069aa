import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { compareDates } from '../../primitives/calendar';
import { formatYuan } from '../../primitives/money';
import { paymentIdFor } from '../../payments/payment';
import { leaseNotFound } from '../lease.common';
import type { LeaseEvent } from '../lease.events';
import { paidForPeriod, type LeaseState } from '../lease.state';
import type { RecordRentPaymentCommand } from './record-rent-payment.command';

/**
 * A rent payment is for a period of the lease's schedule (as it stands, after any early end), paid on
 * or after the lease started, and at most what is still due for that period after the payments not
 * reversed. Two clerks paying the same period at once cannot both pass: the stream writer appends at
 * the revision this was decided on, and the loser decides again against the winner's payment.
 */
export function decideRecordRentPayment(command: RecordRentPaymentCommand, state: LeaseState): LeaseEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'signed') throw leaseNotFound(payload.leaseId);
  assertMayWriteIn(metadata.actor, state.terms.township);

  const due = state.dues.find((d) => d.period === payload.period);
  if (!due) {
    const periods = state.dues.map((d) => d.period).join(', ');
    throw refuse(
      'LEASE.PERIOD_NOT_IN_SCHEDULE',
      `Period ${payload.period} is not in this lease's rent schedule (${periods || 'none'}).`,
      `期间 ${payload.period} 不在该租赁合同的租金计划内（计划期间：${periods || '无'}）。`,
    );
  }
  if (compareDates(payload.paidOn, state.terms.startsOn) < 0) {
    throw refuse(
      'LEASE.PAID_BEFORE_START',
      `paidOn ${payload.paidOn} is before the lease starts on ${state.terms.startsOn}.`,
      `支付日期 ${payload.paidOn} 早于租期开始日 ${state.terms.startsOn}。`,
    );
  }
  const outstanding = due.amountFen - paidForPeriod(state.payments, due.period);
  if (outstanding <= 0) {
    throw refuse(
      'LEASE.PERIOD_ALREADY_PAID',
      `The rent for ${due.period} (${formatYuan(due.amountFen)} yuan) is already paid in full.`,
      `${due.period} 期租金 ${formatYuan(due.amountFen)} 元已全部付清。`,
    );
  }
  if (payload.amountFen > outstanding) {
    throw refuse(
      'LEASE.OVERPAYMENT',
      `Only ${formatYuan(outstanding)} yuan of the rent for ${due.period} is still due; ${formatYuan(payload.amountFen)} yuan is too much.`,
      `${due.period} 期租金还欠 ${formatYuan(outstanding)} 元，本次 ${formatYuan(payload.amountFen)} 元超出应付金额。`,
    );
  }
  const paymentId = paymentIdFor(payload.leaseId, state.payments.count + 1);
  return [
    {
      type: 'RentPaid',
      data: {
        leaseId: payload.leaseId,
        paymentId,
        entityId: state.terms.entityId,
        householdId: state.terms.householdId,
        period: due.period,
        amountFen: payload.amountFen,
        paidOn: payload.paidOn,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
        share: due.share,
        dueFen: due.amountFen,
      },
    },
  ];
}
