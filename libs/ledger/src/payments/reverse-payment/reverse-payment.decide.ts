import { assertMayWriteIn } from '../../common/actor';
import type { DomainEvent } from '../../common/decider';
import { notFound, refuse, type DomainError } from '../../common/domain-error';
import type { NoticeHolds } from '../notice-hold';
import { formatYuan } from '../../primitives/money';
import { parsePaymentId, reversalIdFor, type PaymentReversed, type Payments } from '../payment';
import type { PaymentLinkage } from '../payment-linkage';
import type { ReversePaymentCommand } from './reverse-payment.command';

/**
 * What deciding a reversal needs to know of a linkage's state: its payments, and the township a given
 * payment concerns (the paid household's), which is whose clerks may reverse it.
 */
export interface ReversibleLinkage<State> {
  payments(state: State): Payments;
  townshipOfPayment(state: State, paymentId: string): string | undefined;
  /**
   * The public notices (公示) holding payments on this linkage, where a notice can list it (a
   * declaration, a distribution): a reissue pays the household again, so it waits as a first payment does.
   */
  noticeHolds?(state: State): NoticeHolds;
}

/** A linkage descriptor with the township each payment concerns. */
export type Reversible<State, Event extends DomainEvent> = PaymentLinkage<State, Event> & ReversibleLinkage<State>;

/** Lease, employment and order streams concern one household: the linkage's township is each payment's. */
export const oneHousehold = <State, Event extends DomainEvent>(
  linkage: PaymentLinkage<State, Event>,
): Reversible<State, Event> => ({ ...linkage, townshipOfPayment: (state) => linkage.township(state) });

/** The 404 for a payment id that is malformed or names no payment. */
export const paymentNotFound = (paymentId: string): DomainError =>
  notFound('PAYMENT.NOT_FOUND', `No payment ${paymentId}.`, `没有编号为 ${paymentId} 的支付记录。`);

/**
 * A payment is reversed at most once, by an admin or a clerk of the paid household's township, and a
 * reversal cannot itself be reversed (record the payment again instead). The payment stays on record;
 * the linkage's evolve marks it reversed, so what it paid is owed again. Two clerks reversing the same
 * payment at once cannot both succeed: the loser decides again and finds it reversed.
 */
export function decideReversePayment<State>(
  command: ReversePaymentCommand,
  state: State,
  linkage: ReversibleLinkage<State>,
): PaymentReversed[] {
  const { payload, metadata } = command;
  const parsed = parsePaymentId(payload.paymentId);
  if (!parsed) throw paymentNotFound(payload.paymentId);
  const payments = linkage.payments(state);
  const paymentId = parsed.isReversal ? payload.paymentId.slice(0, -'.r'.length) : payload.paymentId;
  const payment = payments.get(paymentId);
  // A reversal id names something only once that reversal was recorded.
  if (!payment || (parsed.isReversal && payment.reversal?.reversalId !== payload.paymentId)) {
    throw paymentNotFound(payload.paymentId);
  }
  const township = linkage.townshipOfPayment(state, paymentId);
  if (township === undefined) throw paymentNotFound(payload.paymentId);
  assertMayWriteIn(metadata.actor, township);

  if (parsed.isReversal) {
    throw refuse(
      'PAYMENT.REVERSAL_NOT_REVERSIBLE',
      `${payload.paymentId} is a reversal; a reversal cannot itself be reversed. Record the payment ${paymentId} again instead.`,
      `${payload.paymentId} 是一笔冲销记录，冲销不能再被冲销；如需恢复，请重新登记该笔支付。`,
    );
  }
  if (payment.reversal) {
    throw refuse(
      'PAYMENT.ALREADY_REVERSED',
      `Payment ${paymentId} (${formatYuan(payment.amountFen)} yuan, paid on ${payment.paidOn}) was already reversed ` +
        `(${payment.reversal.reversalId}: ${payment.reversal.reason}).`,
      `支付 ${paymentId}（${formatYuan(payment.amountFen)} 元，${payment.paidOn} 支付）已经冲销过` +
        `（${payment.reversal.reversalId}：${payment.reversal.reason}），不能重复冲销。`,
    );
  }
  if (payment.returned) {
    throw refuse(
      'PAYMENT.RETURNED_NOT_REVERSIBLE',
      `Payment ${paymentId} was returned by the bank on ${payment.returned.returnedOn}; it already no longer counts.`,
      `支付 ${paymentId} 已于 ${payment.returned.returnedOn} 被银行退回，不再计入，不能冲销。`,
    );
  }
  return [
    { type: 'PaymentReversed', data: { paymentId, reversalId: reversalIdFor(paymentId), reason: payload.reason } },
  ];
}
