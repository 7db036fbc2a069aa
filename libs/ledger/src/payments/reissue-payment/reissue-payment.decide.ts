import { refuse } from '../../common/domain-error';
import { assertNoNoticeHold } from '../notice-hold';
import { formatYuan } from '../../primitives/money';
import { parsePaymentId, paymentIdFor, type PaymentReissued } from '../payment';
import { bankSidePayment } from '../return-payment/return-payment.decide';
import type { ReversibleLinkage } from '../reverse-payment/reverse-payment.decide';
import type { ReissuePaymentCommand } from './reissue-payment.command';

/**
 * Only a returned payment not yet reissued can be paid again, and not before it came back. The new
 * payment is the linkage's next, same household, amount and period, linked both ways; being the
 * same amount the return freed, it fits whatever the linkage owes. A notice (公示) holding the
 * household's payments on the linkage holds its reissue too: it is money paid to that household.
 */
export function decideReissuePayment<State>(
  command: ReissuePaymentCommand,
  state: State,
  linkage: ReversibleLinkage<State>,
): PaymentReissued[] {
  const { paymentId, paidOn, reference } = command.payload;
  const payment = bankSidePayment(paymentId, state, linkage, command.metadata.actor);
  const what = `${paymentId} (${formatYuan(payment.amountFen)} yuan, paid on ${payment.paidOn})`;
  const whatZh = `${paymentId}（${formatYuan(payment.amountFen)} 元，${payment.paidOn} 支付）`;
  if (!payment.returned) {
    throw refuse(
      'PAYMENT.NOT_RETURNED',
      `Payment ${what} was not returned by the bank; only a returned payment can be reissued.`,
      `支付 ${whatZh} 没有被银行退回，只有退回的支付才能重新发放。`,
    );
  }
  if (payment.reissuedAs !== undefined) {
    throw refuse(
      'PAYMENT.ALREADY_REISSUED',
      `Payment ${what} was already reissued as ${payment.reissuedAs}.`,
      `支付 ${whatZh} 已重新发放（${payment.reissuedAs}），不能重复发放。`,
    );
  }
  if (paidOn < payment.returned.returnedOn) {
    throw refuse(
      'PAYMENT.REISSUED_BEFORE_RETURNED',
      `paidOn ${paidOn} is before the payment came back on ${payment.returned.returnedOn}.`,
      `重新发放日期 ${paidOn} 早于退回日期 ${payment.returned.returnedOn}。`,
    );
  }
  const holds = linkage.noticeHolds?.(state);
  if (holds) assertNoNoticeHold(holds, payment.householdId, command.metadata.issuedAt, 'PAYMENT.REISSUE_NOTICE-HOLD');
  const linkageId = parsePaymentId(paymentId)?.linkageId ?? '';
  return [
    {
      type: 'PaymentReissued',
      data: {
        paymentId: paymentIdFor(linkageId, linkage.payments(state).count + 1),
        reissueOf: paymentId,
        householdId: payment.householdId,
        amountFen: payment.amountFen,
        paidOn,
        ...(payment.period === undefined ? {} : { period: payment.period }),
        ...(reference === undefined ? {} : { reference }),
      },
    },
  ];
}
