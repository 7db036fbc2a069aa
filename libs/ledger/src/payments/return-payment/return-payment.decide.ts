import { assertMayWriteIn, type Actor } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { formatYuan } from '../../primitives/money';
import { parsePaymentId, type PaymentRecord, type PaymentReturned } from '../payment';
import { paymentNotFound, type ReversibleLinkage } from '../reverse-payment/reverse-payment.decide';
import type { ReturnPaymentCommand } from './return-payment.command';

/**
 * The payment a bank-side command names, once the actor may write for its household: a payment (not
 * a reversal id) recorded on the linkage, else 404; an admin or a clerk of the household's township.
 */
export function bankSidePayment<State>(
  paymentId: string,
  state: State,
  linkage: ReversibleLinkage<State>,
  actor: Actor,
): PaymentRecord {
  const parsed = parsePaymentId(paymentId);
  const payment = parsed && !parsed.isReversal ? linkage.payments(state).get(paymentId) : undefined;
  const township = payment && linkage.townshipOfPayment(state, paymentId);
  if (!payment || township === undefined) throw paymentNotFound(paymentId);
  assertMayWriteIn(actor, township);
  return payment;
}

/**
 * A payment is returned at most once, and a reversed payment cannot be returned (it no longer
 * counts already). The linkage's evolve marks it returned, so what it paid is owed again.
 */
export function decideReturnPayment<State>(
  command: ReturnPaymentCommand,
  state: State,
  linkage: ReversibleLinkage<State>,
): PaymentReturned[] {
  const { paymentId, returnedOn, reason, detail } = command.payload;
  const payment = bankSidePayment(paymentId, state, linkage, command.metadata.actor);
  const what = `${paymentId} (${formatYuan(payment.amountFen)} yuan, paid on ${payment.paidOn})`;
  const whatZh = `${paymentId}（${formatYuan(payment.amountFen)} 元，${payment.paidOn} 支付）`;
  if (payment.reversal) {
    throw refuse(
      'PAYMENT.REVERSED_NOT_RETURNABLE',
      `Payment ${what} was reversed (${payment.reversal.reversalId}); a reversed payment cannot be returned.`,
      `支付 ${whatZh} 已冲销（${payment.reversal.reversalId}），不能再登记退回。`,
    );
  }
  if (payment.returned) {
    throw refuse(
      'PAYMENT.ALREADY_RETURNED',
      `Payment ${what} was already returned on ${payment.returned.returnedOn}.`,
      `支付 ${whatZh} 已于 ${payment.returned.returnedOn} 登记退回，不能重复登记。`,
    );
  }
  if (returnedOn < payment.paidOn) {
    throw refuse(
      'PAYMENT.RETURNED_BEFORE_PAID',
      `returnedOn ${returnedOn} is before the payment ${what} was paid.`,
      `退回日期 ${returnedOn} 早于支付日期 ${payment.paidOn}。`,
    );
  }
  return [
    {
      type: 'PaymentReturned',
      data: { paymentId, returnedOn, reason, ...(detail === undefined ? {} : { detail }) },
    },
  ];
}
