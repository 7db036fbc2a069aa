import { DomainError } from '../../common/domain-error';
import { auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import type { BankRow } from '../reconcile';
import { ReconcileBankFileCommand } from './reconcile-bank-file.command';
import { planReconciliation, returnsToApply, type TownshipPayment } from './reconcile-bank-file.decide';

const clerk = clerkOf('城关镇');
const payment = (n: number, over: Partial<TownshipPayment> = {}): TownshipPayment => ({
  paymentId: `lease-x.p${n}`,
  householdId: `household-${n}`,
  reference: `PZ-${n}`,
  registrationNo: `rc-${n}`,
  amountFen: 200_000,
  paidOn: '2018-02-01',
  reversed: false,
  returned: false,
  ...over,
});
const row = (n: number, over: Partial<BankRow> = {}): BankRow => ({
  row: n,
  reference: null,
  amountFen: 200_000,
  date: '2018-02-02',
  status: '成功',
  registrationNo: null,
  ...over,
});
const reconcileFile = (rows: BankRow[], applyReturns: boolean, actor = clerk) =>
  new ReconcileBankFileCommand(
    {
      reconciliationId: 'reconciliation-1',
      township: '城关镇',
      fileName: 'bank.csv',
      sha256: 'ab',
      rows,
      applyReturns,
    },
    metadataFor(actor),
  );

describe('reconcile a bank file (银行对账)', () => {
  const ledger = [payment(1), payment(2), payment(3), payment(4, { reference: null })];
  const file = [
    row(2, { reference: 'PZ-1' }),
    row(3, { reference: 'PZ-2', status: '退回', date: '2018-01-30' }),
    row(4, { reference: 'PZ-3', amountFen: 199_000 }),
    row(5, { reference: 'YH-9', amountFen: 50_050, registrationNo: 'rc-404' }),
  ];

  it('given the township’s payments, when a file is reconciled, then the event keeps the four lists with whose payment each is', () => {
    const { event, returns } = planReconciliation(reconcileFile(file, false), ledger);
    expect(returns).toEqual([]);
    expect(event).toEqual({
      type: 'BankFileReconciled',
      data: {
        reconciliationId: 'reconciliation-1',
        township: '城关镇',
        fileName: 'bank.csv',
        sha256: 'ab',
        rows: 4,
        firstDate: '2018-01-30',
        lastDate: '2018-02-02',
        appliedReturns: false,
        matched: [
          { row: 2, paymentId: 'lease-x.p1', householdId: 'household-1', amountFen: 200_000, date: '2018-02-02' },
        ],
        returned: [
          {
            row: 3,
            paymentId: 'lease-x.p2',
            householdId: 'household-2',
            amountFen: 200_000,
            date: '2018-01-30',
            returnRecorded: false,
          },
        ],
        amountMismatches: [
          {
            row: 4,
            paymentId: 'lease-x.p3',
            householdId: 'household-3',
            bankFen: 199_000,
            ledgerFen: 200_000,
            date: '2018-02-02',
          },
        ],
        unmatchedBankRows: [file[3]],
        unmatchedPayments: [
          {
            paymentId: 'lease-x.p4',
            householdId: 'household-4',
            paidOn: '2018-02-01',
            amountFen: 200_000,
            reference: null,
          },
        ],
      },
    });
  });

  it('when returns are applied, then each matched 退回 row not yet returned is planned, never before its payment’s date', () => {
    const { returns } = planReconciliation(reconcileFile(file, true), ledger);
    // The bank's date lies two days before the ledger's: the return is dated on the payment's own date.
    expect(returns).toEqual([{ row: 3, paymentId: 'lease-x.p2', returnedOn: '2018-02-01' }]);
  });

  it('given the payment already returned, when the same file is applied again, then nothing is planned', () => {
    const returned = ledger.map((p) => (p.paymentId === 'lease-x.p2' ? { ...p, returned: true } : p));
    const plan = planReconciliation(reconcileFile(file, true), returned);
    expect(plan.returns).toEqual([]);
    expect(plan.event.data.returned).toEqual([
      expect.objectContaining({ paymentId: 'lease-x.p2', returnRecorded: false }),
    ]);
  });

  it('then the event, kept before any return is applied, says which returns it records and with what date', () => {
    const plan = planReconciliation(reconcileFile(file, true), ledger);
    expect(plan.event.data.returned).toEqual([
      expect.objectContaining({ paymentId: 'lease-x.p2', returnRecorded: true, returnedOn: '2018-02-01' }),
    ]);
    // What a retry applies comes from the kept event alone, whatever the ledger holds by then.
    expect(returnsToApply(plan.event.data)).toEqual(plan.returns);
  });

  it('given a reconciliation kept before returns were recorded first (no returnedOn), then nothing is left to apply', () => {
    const plan = planReconciliation(reconcileFile(file, true), ledger);
    const older = plan.event.data.returned.map(({ returnedOn: _, ...r }) => r);
    expect(returnsToApply({ ...plan.event.data, returned: older })).toEqual([]);
  });

  it('given an empty file, then no dates and no unmatched payments', () => {
    const { event } = planReconciliation(reconcileFile([], false), ledger);
    expect(event.data).toMatchObject({ rows: 0, firstDate: null, lastDate: null, unmatchedPayments: [] });
  });

  it('refuses clerks of other townships and read-only roles', () => {
    for (const [actor, code] of [
      [clerkOf('温泉镇'), 'AUTH.OTHER_TOWNSHIP'],
      [auditor, 'AUTH.READ_ONLY_ROLE'],
    ] as const) {
      let caught: unknown;
      try {
        planReconciliation(reconcileFile(file, true, actor), ledger);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe(code);
    }
  });
});
