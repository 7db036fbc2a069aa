import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { paymentIdFor } from '../../payments/payment';
import { formatYuan, MAX_FEN } from '../../primitives/money';
import type { OrderEvent } from '../order.events';
import { orderNotFound, type OrderState } from '../order.state';
import { purchaseAmountFen } from '../quantity';
import type { RecordPurchasePaymentCommand } from './record-purchase-payment.command';

/**
 * Produce delivered inside the contract's term is paid at the contract price: the amount must be
 * exactly quantity × price, rounded half-up to the fen, and it cannot be paid before delivery.
 */
export function decideRecordPurchasePayment(command: RecordPurchasePaymentCommand, state: OrderState): OrderEvent[] {
  const { payload, metadata } = command;
  const { orderId, quantity, amountFen, deliveredOn, paidOn } = payload;
  if (state.status === 'none') {
    throw orderNotFound(orderId);
  }
  assertMayWriteIn(metadata.actor, state.township);
  if (deliveredOn < state.startsOn || deliveredOn > state.endsOn) {
    throw refuse(
      'ORDER.DELIVERY_OUTSIDE_CONTRACT',
      `deliveredOn ${deliveredOn} is outside the contract (${state.startsOn} to ${state.endsOn}).`,
      `交货日期 ${deliveredOn} 不在订单期限（${state.startsOn} 至 ${state.endsOn}）内。`,
    );
  }
  if (paidOn < deliveredOn) {
    throw refuse(
      'ORDER.PAID_BEFORE_DELIVERY',
      `paidOn ${paidOn} is before the delivery (${deliveredOn}).`,
      `付款日期 ${paidOn} 早于交货日期 ${deliveredOn}。`,
    );
  }
  const expected = purchaseAmountFen(quantity, state.priceFen);
  const price = `${formatYuan(state.priceFen)}`;
  if (expected > BigInt(MAX_FEN)) {
    throw refuse(
      'ORDER.AMOUNT_TOO_LARGE',
      `${quantity} ${state.unit} × ${price} yuan exceeds the largest amount the ledger records.`,
      `${quantity} ${state.unit} × ${price} 元 超出账本可记录的最大金额。`,
    );
  }
  if (BigInt(amountFen) !== expected) {
    const fen = Number(expected);
    throw refuse(
      'ORDER.AMOUNT_MISMATCH',
      `${quantity} ${state.unit} × ${price} yuan comes to ${formatYuan(fen)} yuan (amountFen ${fen}), not ${formatYuan(amountFen)}.`,
      `${quantity} ${state.unit} × ${price} 元 应付 ${formatYuan(fen)} 元（amountFen ${fen}），而不是 ${formatYuan(amountFen)} 元。`,
    );
  }
  return [
    {
      type: 'PurchasePaid',
      data: {
        orderId,
        paymentId: paymentIdFor(orderId, state.payments.count + 1),
        householdId: state.householdId,
        product: state.product,
        unit: state.unit,
        quantity,
        priceFen: state.priceFen,
        amountFen,
        deliveredOn,
        paidOn,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
      },
    },
  ];
}
