import type { Evolver } from '../common/decider';
import { notFound, type DomainError } from '../common/domain-error';
import { withPayment, withReissue, withReturn, withReversal, Payments } from '../payments/payment';
import type { PaymentLinkage } from '../payments/payment-linkage';
import type { OrderContracted, OrderEvent } from './order.events';

/** An order contract as its stream tells it: the terms and every purchase payment. */
export type OrderState = { status: 'none' } | (OrderContracted['data'] & { status: 'contracted'; payments: Payments });

export const initialOrderState: OrderState = { status: 'none' };

export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderContracted':
      return { ...event.data, status: 'contracted', payments: Payments.none };
    case 'PurchasePaid': {
      if (state.status === 'none') return state;
      const { paymentId, amountFen, paidOn, householdId } = event.data;
      return { ...state, payments: withPayment(state.payments, { paymentId, amountFen, paidOn, householdId }) };
    }
    case 'PaymentReversed':
      if (state.status === 'none') return state;
      return { ...state, payments: withReversal(state.payments, event) };
    case 'PaymentReturned':
      if (state.status === 'none') return state;
      return { ...state, payments: withReturn(state.payments, event) };
    case 'PaymentReissued':
      if (state.status === 'none') return state;
      return { ...state, payments: withReissue(state.payments, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const order: Evolver<OrderState, OrderEvent> = { initialState: initialOrderState, evolve: evolveOrder };

/** The 404 for an order id nobody contracted. */
export const orderNotFound = (orderId: string): DomainError =>
  notFound('ORDER.NOT_FOUND', `No order ${orderId}.`, `没有编号为 ${orderId} 的订单联结。`);

/** How the reversal slice rebuilds an order, finds its purchase payments and scopes clerks. */
export const orderPayments: PaymentLinkage<OrderState, OrderEvent> = {
  evolver: order,
  payments: (s) => (s.status === 'none' ? Payments.none : s.payments),
  township: (s) => (s.status === 'none' ? undefined : s.township),
};
