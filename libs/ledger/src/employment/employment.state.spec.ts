import { fold } from '../common/decider';
import { EMPLOYMENT_ID, reversed, started, wagePaid } from './employment.fixtures';
import { employment, employmentPayments, paymentsForMonth } from './employment.state';

describe('employment state', () => {
  it('keeps wage payments, marks reversals, and exposes them to the reversal slice', () => {
    const state = fold(employment, [started, wagePaid(1, '2018-07'), wagePaid(2, '2018-08'), reversed(1)]);
    expect(employmentPayments.township(state)).toBe('城关镇');
    const payments = employmentPayments.payments(state);
    expect(payments.list().map((p) => p.paymentId)).toEqual([`${EMPLOYMENT_ID}.p1`, `${EMPLOYMENT_ID}.p2`]);
    expect(payments.get(`${EMPLOYMENT_ID}.p1`)?.reversal).toEqual({
      reversalId: `${EMPLOYMENT_ID}.p1.r`,
      reason: '重复录入',
    });
    expect(paymentsForMonth(state, '2018-07')).toEqual([]);
    expect(paymentsForMonth(state, '2018-08').map((p) => p.amountFen)).toEqual([200000]);
  });

  it('has nothing for an employment never started', () => {
    expect(employmentPayments.payments(employment.initialState).list()).toEqual([]);
    expect(employmentPayments.township(employment.initialState)).toBeUndefined();
  });
});
