import { Payments, withPayment, withReversal, type PaymentRecord } from './payment';

const LINKAGE = 'employment-00000000-0000-4000-8000-000000000001';
const paid = (n: number, period: string, amountFen = 1000): PaymentRecord => ({
  paymentId: `${LINKAGE}.p${n}`,
  amountFen,
  paidOn: '2019-01-10',
  householdId: 'household-1',
  period,
});
const reversal = (n: number) =>
  ({
    type: 'PaymentReversed',
    data: { paymentId: `${LINKAGE}.p${n}`, reversalId: `${LINKAGE}.p${n}.r`, reason: '录错' },
  }) as const;

describe('Payments', () => {
  it('counts, lists, finds by id and by period', () => {
    const p = [paid(1, '2019-01'), paid(2, '2019-02'), paid(3, '2019-01', 500)].reduce(withPayment, Payments.none);
    expect(p.count).toBe(3);
    expect(p.list().map((x) => x.paymentId)).toEqual([1, 2, 3].map((n) => `${LINKAGE}.p${n}`));
    expect(p.get(`${LINKAGE}.p2`)?.period).toBe('2019-02');
    expect(p.get(`${LINKAGE}.p4`)).toBeUndefined();
    expect(p.get('something-else')).toBeUndefined();
    expect(p.inPeriod('2019-01').map((x) => x.amountFen)).toEqual([1000, 500]);
    expect(p.inPeriod('2019-03')).toEqual([]);
    expect(p.paidFen()).toBe(2500);
  });

  it('leaves earlier values as they were when a later one grows, and a branch from an earlier value copies', () => {
    const one = withPayment(Payments.none, paid(1, '2019-01'));
    const two = withPayment(one, paid(2, '2019-01'));
    const otherTwo = withPayment(one, paid(2, '2019-02', 7));
    expect(one.count).toBe(1);
    expect(one.inPeriod('2019-01')).toHaveLength(1);
    expect(one.list()).toHaveLength(1);
    expect(two.inPeriod('2019-01')).toHaveLength(2);
    expect(two.inPeriod('2019-02')).toEqual([]);
    expect(otherTwo.inPeriod('2019-01')).toHaveLength(1);
    expect(otherTwo.get(`${LINKAGE}.p2`)?.amountFen).toBe(7);
    expect(two.get(`${LINKAGE}.p2`)?.amountFen).toBe(1000);
    // The earlier branch grows on without seeing the other's payment.
    const three = withPayment(two, paid(3, '2019-02'));
    expect(three.inPeriod('2019-02').map((x) => x.paymentId)).toEqual([`${LINKAGE}.p3`]);
    expect(otherTwo.inPeriod('2019-02').map((x) => x.amountFen)).toEqual([7]);
  });

  it('marks a reversal in a new value: the reversed payment stops counting there only', () => {
    const two = [paid(1, '2019-01'), paid(2, '2019-02')].reduce(withPayment, Payments.none);
    const reversed = withReversal(two, reversal(1));
    expect(reversed.get(`${LINKAGE}.p1`)?.reversal?.reversalId).toBe(`${LINKAGE}.p1.r`);
    expect(two.get(`${LINKAGE}.p1`)?.reversal).toBeUndefined();
    expect(reversed.paidFen()).toBe(1000);
    expect(two.paidFen()).toBe(2000);
    expect(withPayment(reversed, paid(3, '2019-01')).inPeriod('2019-01')).toHaveLength(2);
    expect(withReversal(two, reversal(9))).toBe(two);
    expect(reversed.paidFen({ period: '2019-01' })).toBe(0);
    expect(reversed.paidFen({ householdId: 'household-1' })).toBe(1000);
    expect(reversed.paidFen({ householdId: 'household-2' })).toBe(0);
  });
  it('never grows the shared empty value: each linkage starts columns of its own, named by its own id', () => {
    const first = withPayment(Payments.none, {
      paymentId: 'lease-a.p1',
      amountFen: 100,
      paidOn: '2019-01-10',
      householdId: 'h',
    });
    const second = withPayment(Payments.none, {
      paymentId: 'lease-b.p1',
      amountFen: 200,
      paidOn: '2019-01-10',
      householdId: 'h',
    });
    const columnsOf = (p: Payments) =>
      (p as unknown as { columns: { amountFen: number[]; linkageId?: string; otherIds: Map<number, string> } }).columns;
    expect(columnsOf(Payments.none).amountFen).toEqual([]);
    expect(columnsOf(second).linkageId).toBe('lease-b');
    expect(columnsOf(second).otherIds.size).toBe(0);
    expect([first.get('lease-a.p1')?.amountFen, second.get('lease-b.p1')?.amountFen]).toEqual([100, 200]);
  });
});
