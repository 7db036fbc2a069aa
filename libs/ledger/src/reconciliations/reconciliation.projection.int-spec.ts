import { randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ledgerMigrations } from '../migrations';
import { ProjectionRunner } from '../projections/projection-runner';
import type { BankFileReconciled } from './reconciliation.events';
import { reconciliationsProjection } from './reconciliation.projection';
import { listReconciliations, readReconciliation } from './reconciliations.reader';

const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const leaseId = `lease-${randomUUID()}`;

const reconciled = (id: string, township: string, over: Partial<BankFileReconciled['data']> = {}) => ({
  reconciliationId: id,
  township,
  fileName: '农商行.csv',
  sha256: 'a'.repeat(64),
  rows: 3,
  firstDate: '2018-02-01',
  lastDate: '2018-02-03',
  appliedReturns: true,
  matched: [{ row: 2, paymentId: `${leaseId}.p9`, householdId: li, amountFen: 100, date: '2018-02-01' }],
  returned: [
    {
      row: 3,
      paymentId: `${leaseId}.p1`,
      householdId: zhang,
      amountFen: 200_000,
      date: '2018-02-03',
      returnRecorded: true,
    },
  ],
  amountMismatches: [],
  unmatchedBankRows: [
    { row: 4, reference: 'YH-9', amountFen: 50_050, date: '2018-02-02', status: '成功', registrationNo: 'rc-002' },
  ],
  unmatchedPayments: [
    { paymentId: `${leaseId}.p7`, householdId: li, paidOn: '2018-02-02', amountFen: 300, reference: null },
  ],
  ...over,
});

describe('reconciliations read model', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const append = (streamId: string, type: string, data: object, causationId?: string) =>
    store.appendToStream(
      streamId,
      [{ id: randomUUID(), type, data, metadata: { userId: 'clerk-1', ...(causationId ? { causationId } : {}) } }],
      'any',
    );
  const catchUp = () => new ProjectionRunner(reconciliationsProjection, store, db.pool).catchUp();
  const household = (householdId: string, registrationNo: string, headName: string) =>
    append(householdId, 'HouseholdRegistered', {
      householdId,
      registrationNo,
      headName,
      members: 3,
      village: '石头村',
      township: '城关镇',
      county: '英山县',
    });

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
    await household(zhang, 'rc-001', '张三明');
    await household(li, 'rc-002', '李四');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('reopens a reconciliation with its lists as recorded, every household named, the returned payment’s state now', async () => {
    const id = `reconciliation-${randomUUID()}`;
    await append(id, 'BankFileReconciled', reconciled(id, '城关镇'));
    // Written by this reconciliation (its command caused by it): counted on it.
    await append(
      leaseId,
      'PaymentReturned',
      { paymentId: `${leaseId}.p1`, returnedOn: '2018-02-03', reason: 'other' },
      id,
    );
    await catchUp();
    const view = await readReconciliation(db.pool, id);
    expect(view).toMatchObject({
      id,
      township: '城关镇',
      recordedBy: 'clerk-1',
      sha256: 'a'.repeat(64),
      matched: 1,
      matchedRows: [{ household: { id: li, headName: '李四', registrationNo: 'rc-002' } }],
      returned: [{ household: { headName: '张三明' }, returnRecorded: true, status: 'returned' }],
      // A bank row the ledger lacks, whose 户编号 is a household's: named so the clerk can look.
      unmatchedBankRows: [{ registrationNo: 'rc-002', household: { headName: '李四' } }],
      unmatchedPayments: [{ household: { headName: '李四' }, amountFen: 300 }],
      totals: { matchedFen: 100, returnedFen: 200_000, unmatchedBankRowsFen: 50_050, unmatchedPaymentsFen: 300 },
    });

    // Reissued (in one run with a second return of another payment): the row shows it.
    await append(leaseId, 'PaymentReissued', {
      paymentId: `${leaseId}.p2`,
      reissueOf: `${leaseId}.p1`,
      householdId: zhang,
      amountFen: 200_000,
      paidOn: '2018-02-10',
    });
    await append(leaseId, 'PaymentReturned', { paymentId: `${leaseId}.p2`, returnedOn: '2018-02-12', reason: 'other' });
    await catchUp();
    expect((await readReconciliation(db.pool, id))?.returned[0]).toMatchObject({
      status: 'reissued',
      reissuedAs: `${leaseId}.p2`,
    });
    expect(await readReconciliation(db.pool, `reconciliation-${randomUUID()}`)).toBeUndefined();
  });

  it('lists reconciliations newest first, a page at a time, with totals over the filter', async () => {
    for (const township of ['温泉镇', '城关镇', '温泉镇']) {
      const id = `reconciliation-${randomUUID()}`;
      await append(id, 'BankFileReconciled', reconciled(id, township, { returned: [], appliedReturns: false }));
    }
    await catchUp();
    const all = await listReconciliations(db.pool, { limit: 3 });
    expect(all.totals).toMatchObject({ reconciliations: 4, rows: 12, matched: 4, returned: 1, returnsRecorded: 1 });
    expect(all.items.map((i) => i.township)).toEqual(['温泉镇', '城关镇', '温泉镇']);
    const rest = await listReconciliations(db.pool, { limit: 3, cursor: all.nextCursor });
    expect(rest.items.map((i) => i.returnsRecorded)).toEqual([1]);
    expect(rest.nextCursor).toBeUndefined();
    const wenquan = await listReconciliations(db.pool, { township: '温泉镇', limit: 50 });
    expect(wenquan.totals.reconciliations).toBe(2);
    const clerks = await listReconciliations(db.pool, { townships: ['城关镇'], limit: 50 });
    expect(clerks.items.map((i) => i.township)).toEqual(['城关镇', '城关镇']);
  });

  it('sorts reconciliations by township, rows or unmatched both ways, the same over pages of 1', async () => {
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listReconciliations(db.pool, { limit: 1, sort, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    for (const sort of ['township', '-township', 'rows', 'unmatched', '-unmatched', 'recorded', '-recorded']) {
      const all = await listReconciliations(db.pool, { limit: 50, sort });
      expect(all.items.length).toBe(4);
      expect(await walk(sort)).toEqual(all.items.map((i) => i.id));
    }
    const byTownship = await listReconciliations(db.pool, { limit: 50, sort: 'township' });
    const townships = byTownship.items.map((i) => i.township);
    expect(townships.slice(0, 2)).toEqual([townships[0], townships[0]]); // grouped
    const newest = await listReconciliations(db.pool, { limit: 50 });
    const oldest = await listReconciliations(db.pool, { limit: 50, sort: 'recorded' });
    expect(oldest.items.map((i) => i.id)).toEqual(newest.items.map((i) => i.id).reverse());
    // A cursor of the default order is refused under another sort (400 naming `cursor`).
    const first = await listReconciliations(db.pool, { limit: 1 });
    await expect(
      listReconciliations(db.pool, { limit: 1, sort: 'township', cursor: first.nextCursor }),
    ).rejects.toThrow();
  });

  it('a decided return on a payment reversed before it was recorded reads reversed and void, never pending', async () => {
    const id = `reconciliation-${randomUUID()}`;
    const p5 = `${leaseId}.p5`;
    const decided = {
      row: 2,
      paymentId: p5,
      householdId: li,
      amountFen: 100,
      date: '2018-02-01',
      returnRecorded: true,
    };
    await append(id, 'BankFileReconciled', reconciled(id, '城关镇', { returned: [decided] }));
    await catchUp();
    expect((await readReconciliation(db.pool, id))?.returned[0]).toMatchObject({
      status: 'paid',
      returnApplication: 'pending',
    });
    await append(leaseId, 'PaymentReversed', { paymentId: p5, reversalId: `${leaseId}.r5`, reason: '重复录入' });
    await catchUp();
    expect((await readReconciliation(db.pool, id))?.returned[0]).toMatchObject({
      status: 'reversed',
      returnApplication: 'void',
    });
  });

  it('a return two reconciliations decided counts only on the one that wrote it', async () => {
    const [first, second] = [`reconciliation-${randomUUID()}`, `reconciliation-${randomUUID()}`];
    const p6 = `${leaseId}.p6`;
    const decided = {
      row: 2,
      paymentId: p6,
      householdId: li,
      amountFen: 100,
      date: '2018-02-01',
      returnRecorded: true,
    };
    await append(first, 'BankFileReconciled', reconciled(first, '临江镇', { returned: [decided] }));
    await append(second, 'BankFileReconciled', reconciled(second, '临江镇', { returned: [decided] }));
    await catchUp();
    // Both decided it, neither wrote it yet: nothing recorded.
    expect((await listReconciliations(db.pool, { township: '临江镇', limit: 50 })).totals.returnsRecorded).toBe(0);
    await append(leaseId, 'PaymentReturned', { paymentId: p6, returnedOn: '2018-02-01', reason: 'other' }, second);
    await catchUp();
    const list = await listReconciliations(db.pool, { township: '临江镇', limit: 50 });
    expect(list.totals.returnsRecorded).toBe(1);
    expect(Object.fromEntries(list.items.map((i) => [i.id, i.returnsRecorded]))).toEqual({ [first]: 0, [second]: 1 });
    // Row by row too: the second recorded it, the first reads it recorded elsewhere and names by whom.
    expect((await readReconciliation(db.pool, second))?.returned[0]).toMatchObject({
      status: 'returned',
      returnApplication: 'applied',
    });
    const firstRow = (await readReconciliation(db.pool, first))?.returned[0];
    expect(firstRow).toMatchObject({
      status: 'returned',
      returnApplication: 'appliedElsewhere',
      returnAppliedBy: second,
    });
  });
});
