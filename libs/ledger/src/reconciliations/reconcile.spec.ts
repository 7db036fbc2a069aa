import fc from 'fast-check';
import { addDays } from '../primitives/calendar';
import { MATCH_WINDOW_DAYS, reconcile, type BankRow, type LedgerPayment } from './reconcile';

const payment = (n: number, over: Partial<LedgerPayment> = {}): LedgerPayment => ({
  paymentId: `lease-x.p${n}`,
  reference: `PZ-${n}`,
  registrationNo: `4211${n}`,
  amountFen: 200_000,
  paidOn: '2018-02-01',
  reversed: false,
  returned: false,
  ...over,
});
const bankRow = (row: number, over: Partial<BankRow> = {}): BankRow => ({
  row,
  reference: null,
  amountFen: 200_000,
  date: '2018-02-02',
  status: '成功',
  registrationNo: null,
  ...over,
});

describe('reconcile a bank file', () => {
  it('matches by reference, else by registration number, amount and a date within 3 days', () => {
    const result = reconcile(
      [
        bankRow(2, { reference: 'PZ-1', date: '2018-02-01' }),
        bankRow(3, { registrationNo: '42112', date: '2018-02-04' }),
        bankRow(4, { registrationNo: '42113', date: '2018-02-05' }), // 4 days: too far
      ],
      [payment(1), payment(2, { reference: null }), payment(3, { reference: null })],
    );
    expect(result.matched).toBe(2);
    expect(result.unmatchedBankRows.map((r) => r.row)).toEqual([4]);
    expect(result.unmatchedPayments).toEqual([{ paymentId: 'lease-x.p3', paidOn: '2018-02-01', amountFen: 200_000 }]);
  });

  it('lists returns (退回) and amount mismatches; a mismatch whatever the status', () => {
    const result = reconcile(
      [
        bankRow(2, { reference: 'PZ-1', status: '退回' }),
        bankRow(3, { reference: 'PZ-2', amountFen: 199_000 }),
        bankRow(4, { reference: 'PZ-3', amountFen: 1, status: '退回' }),
      ],
      [payment(1), payment(2), payment(3)],
    );
    expect(result).toMatchObject({
      rows: 3,
      matched: 0,
      returned: [{ row: 2, paymentId: 'lease-x.p1' }],
      amountMismatches: [
        { row: 3, paymentId: 'lease-x.p2', bankFen: 199_000, ledgerFen: 200_000 },
        { row: 4, paymentId: 'lease-x.p3', bankFen: 1, ledgerFen: 200_000 },
      ],
      unmatchedBankRows: [],
      unmatchedPayments: [],
    });
  });

  it('matches no reversed payment; finds a returned one again by reference, never lists it as unmatched', () => {
    const result = reconcile(
      [bankRow(2, { reference: 'PZ-1' }), bankRow(3, { reference: 'PZ-2', status: '退回' })],
      [payment(1, { reversed: true }), payment(2, { returned: true }), payment(3, { returned: true, reference: null })],
    );
    expect(result.unmatchedBankRows.map((r) => r.row)).toEqual([2]);
    expect(result.returned).toEqual([{ row: 3, paymentId: 'lease-x.p2' }]);
    expect(result.unmatchedPayments).toEqual([]);
  });

  it('lists as unmatched only payments paid between the file’s earliest and latest dates', () => {
    const result = reconcile(
      [bankRow(2, { date: '2018-03-01' }), bankRow(3, { date: '2018-03-10' })],
      [
        payment(1, { paidOn: '2018-02-28' }),
        payment(2, { paidOn: '2018-03-01' }),
        payment(3, { paidOn: '2018-03-11' }),
      ],
    );
    expect(result.unmatchedPayments.map((p) => p.paymentId)).toEqual(['lease-x.p2']);
  });

  it('puts every row in exactly one list and every payment with at most one row', () => {
    const rowArb = fc.record({
      reference: fc.option(fc.constantFrom('PZ-1', 'PZ-2', 'PZ-3', 'PZ-9')),
      amountFen: fc.constantFrom(100, 200),
      date: fc.constantFrom('2018-02-01', '2018-02-03', '2018-02-06'),
      status: fc.constantFrom('成功' as const, '退回' as const),
      registrationNo: fc.option(fc.constantFrom('42111', '42112', '42113')),
    });
    const paymentArb = fc.record({
      amountFen: fc.constantFrom(100, 200),
      paidOn: fc.constantFrom('2018-02-01', '2018-02-04'),
      reversed: fc.boolean(),
      returned: fc.boolean(),
      hasReference: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 8 }), fc.array(paymentArb, { maxLength: 6 }), (rows, pays) => {
        const bank = rows.map((r, i) => ({ row: i + 2, ...r }));
        const ledger = pays.map(({ hasReference, ...p }, i) =>
          payment(i + 1, {
            ...p,
            reference: hasReference ? `PZ-${i + 1}` : null,
            registrationNo: `4211${(i % 3) + 1}`,
          }),
        );
        const r = reconcile(bank, ledger);
        const listed = r.matched + r.returned.length + r.amountMismatches.length + r.unmatchedBankRows.length;
        expect(listed).toBe(bank.length);
        const ids = [...r.returned, ...r.amountMismatches].map((m) => m.paymentId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(ledger.find((p) => p.paymentId === id)?.reversed).toBe(false);
        for (const u of r.unmatchedPayments) expect(ids).not.toContain(u.paymentId);
      }),
    );
  });

  it('matches a row without reference exactly when number and amount agree and the dates lie within 3 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10, max: 10 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: -2, max: 2 }),
        fc.boolean(),
        (offset, amountFen, amountDelta, sameNumber) => {
          const paidOn = '2018-02-27';
          const bankFen = Math.max(1, amountFen + amountDelta);
          const r = reconcile(
            [
              bankRow(2, {
                date: addDays(paidOn, offset),
                amountFen: bankFen,
                registrationNo: sameNumber ? '42111' : '42119',
              }),
            ],
            [payment(1, { reference: null, amountFen, paidOn })],
          );
          const expected = sameNumber && bankFen === amountFen && Math.abs(offset) <= MATCH_WINDOW_DAYS;
          expect(r.matched).toBe(expected ? 1 : 0);
          expect(r.matchedRows).toEqual(expected ? [{ row: 2, paymentId: 'lease-x.p1' }] : []);
          expect(r.unmatchedBankRows).toHaveLength(expected ? 0 : 1);
        },
      ),
    );
  });
});
