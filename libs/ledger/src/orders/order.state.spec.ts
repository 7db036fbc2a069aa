import { fold } from '../common/decider';
import { contracted, ORDER_ID, purchasePaid, reversed } from './order.fixtures';
import { order, orderPayments } from './order.state';

describe('order state', () => {
  it('keeps purchase payments, marks reversals, and exposes them to the reversal slice', () => {
    const state = fold(order, [contracted, purchasePaid(1, '12.5', 4750), reversed(1)]);
    expect(orderPayments.township(state)).toBe('城关镇');
    expect(orderPayments.payments(state).list()).toEqual([
      {
        paymentId: `${ORDER_ID}.p1`,
        amountFen: 4750,
        paidOn: '2018-09-15',
        householdId: 'household-1',
        reversal: { reversalId: `${ORDER_ID}.p1.r`, reason: '数量录错' },
      },
    ]);
    expect(orderPayments.payments(order.initialState).list()).toEqual([]);
    expect(orderPayments.township(order.initialState)).toBeUndefined();
  });
});
