import type { EventStore } from '@ledger/event-store';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { StreamWriter } from '../common/stream-writer';
import { admin, metadataFor } from '../common/testing/actors';
import { declarationId, declared, paid, zhang } from '../dividends/dividend.fixtures';
import { dividend } from '../dividends/dividend.state';
import type { BankFileReconciled } from './reconciliation.events';
import { reconciliationView } from './reconciliation-view';
import { applyReconciliationReturns, keepReconciliation } from './apply-returns';

const p1 = `${declarationId}.p1`;
const reconciliationId = 'reconciliation-00000000-0000-5000-8000-0000000000b1';

/** A reconciliation that decided to return 张's dividend (row 3, 退回 on 2018-07-17). */
const reconciled: BankFileReconciled = {
  type: 'BankFileReconciled',
  data: {
    reconciliationId,
    township: '城关镇',
    fileName: '农商行.csv',
    sha256: 'b'.repeat(64),
    rows: 1,
    firstDate: '2018-07-17',
    lastDate: '2018-07-17',
    appliedReturns: true,
    matched: [],
    returned: [
      {
        row: 3,
        paymentId: p1,
        householdId: zhang,
        amountFen: 1_000_00,
        date: '2018-07-17',
        returnRecorded: true,
        returnedOn: '2018-07-17',
      },
    ],
    amountMismatches: [],
    unmatchedBankRows: [],
    unmatchedPayments: [],
  },
};

/** The log as a crash sees it: appends to `streamId` fail (the process died before they were written). */
function dyingOn(log: EventStore, streamId: string): EventStore {
  return new Proxy(log, {
    get(target, property, receiver) {
      if (property === 'appendToStream') {
        return (id: string, ...rest: unknown[]) =>
          id === streamId
            ? Promise.reject(new Error('killed before the return was written'))
            : (target.appendToStream as (...a: unknown[]) => unknown).call(target, id, ...rest);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

describe('a reconciliation’s returns: the record kept first, each return applied exactly once', () => {
  let db: TestDatabase;
  let log: PostgresEventStore;
  const metadata = metadataFor(admin, { commandId: '00000000-0000-4000-8000-0000000000c1', township: '城关镇' });
  const returnsOnStream = async () =>
    (await log.readStream(declarationId)).filter((e) => e.type === 'PaymentReturned').length;
  const viewOf = async (data: BankFileReconciled['data']) => {
    const { state } = await new StreamWriter(log).read(declarationId, dividend);
    const returned = state.status === 'declared' && state.payments.get(p1)?.returned !== undefined;
    return reconciliationView(
      data,
      { position: 0, recordedAt: '2018-07-18T10:00:00+08:00', recordedBy: null },
      {
        household: () => null,
        byRegistrationNo: () => null,
        status: () => ({ status: returned ? 'returned' : 'paid' }),
      },
    ).returned[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations]);
    log = new PostgresEventStore(db.pool);
    await new StreamWriter(log).decide(
      declarationId,
      dividend,
      () => [declared, paid(1, zhang, 1_000_00)],
      metadataFor(admin, { commandId: '00000000-0000-4000-8000-0000000000a1' }),
    );
  });
  afterAll(() => db.drop());

  it('given a crash after the record, the record is kept, its return shows pending, and no return was written', async () => {
    const dying = new StreamWriter(dyingOn(log, declarationId));
    const kept = await keepReconciliation(dying, reconciled, metadata);
    await expect(applyReconciliationReturns(dying, kept.data, metadata)).rejects.toThrow(/killed/);

    expect(await log.readStream(reconciliationId)).toHaveLength(1);
    expect(await returnsOnStream()).toBe(0);
    expect(await viewOf(kept.data)).toMatchObject({
      returnRecorded: true,
      returnApplication: 'pending',
      status: 'paid',
    });
  });

  it('when retried (the same command, even with a different plan), the kept record’s return is written once', async () => {
    const writer = new StreamWriter(log);
    // A retry plans again from a ledger that may have moved on: the event kept first still decides.
    const replanned = { ...reconciled, data: { ...reconciled.data, returned: [] } };
    const kept = await keepReconciliation(writer, replanned, metadata);
    expect(kept.data).toEqual(reconciled.data);
    const applied = await applyReconciliationReturns(writer, kept.data, metadata);
    expect([...applied.returnedNow]).toEqual([p1]);
    expect(applied.position).toBeGreaterThan(kept.position);
    expect(await returnsOnStream()).toBe(1);
    expect(await viewOf(kept.data)).toMatchObject({ returnApplication: 'applied', status: 'returned' });
  });

  it('and applying again, or from another reconciliation naming the same payment, writes nothing more', async () => {
    const writer = new StreamWriter(log);
    const again = await applyReconciliationReturns(writer, reconciled.data, metadata);
    const other = await applyReconciliationReturns(
      writer,
      { ...reconciled.data, reconciliationId: 'reconciliation-00000000-0000-5000-8000-0000000000b2' },
      metadataFor(admin, { commandId: '00000000-0000-4000-8000-0000000000c2', township: '城关镇' }),
    );
    expect([again.returnedNow.size, other.returnedNow.size]).toEqual([0, 0]);
    expect(await returnsOnStream()).toBe(1);
    expect(await log.readStream(reconciliationId)).toHaveLength(1);
  });
});
