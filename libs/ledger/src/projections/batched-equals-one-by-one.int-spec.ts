import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { coverageProjection } from '../coverage/coverage.projection';
import { ledgerMigrations } from '../migrations';
import { quoteIdent } from './checkpoints';
import { ProjectionGroupRunner } from './projection-runner';

/**
 * A projection fed in pages of any size ends with exactly the rows it has when fed one event at a
 * time (the promise of row statements and `planBatch`). Coverage stands for the others: it has
 * first-wins inserts, last-wins updates and updates of rows inserted earlier in the same page.
 * Generated logs reuse a few ids on purpose, so that pages hold several rows for one key: a
 * linkage signed twice, ended twice, a payment reversed before it is recorded.
 */

const day = fc
  .integer({ min: 0, max: 3_000 })
  .map((d) => new Date(Date.UTC(2015, 0, 1 + d)).toISOString().slice(0, 10));
const household = fc.constantFrom('h0', 'h1', 'h2');
const linkage = fc.constantFrom('l0', 'l1', 'l2', 'l3');
const payment = fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4');
const amount = fc.integer({ min: 1, max: 10_000_000 });

const event = fc.oneof(
  fc.record({
    type: fc.constant('HouseholdRegistered'),
    data: fc.record({
      householdId: household,
      county: fc.constant('英山县'),
      township: fc.constantFrom('城关镇', '温泉镇'),
      village: fc.constantFrom('桃园村', '杨柳村'),
    }),
  }),
  fc.record({
    type: fc.constant('StakeAcquired'),
    data: fc.record({
      stakeId: linkage,
      householdId: household,
      startsOn: day,
      endsOn: fc.option(day, { nil: undefined }),
    }),
  }),
  fc.record({ type: fc.constant('StakeEnded'), data: fc.record({ stakeId: linkage, endsOn: day }) }),
  fc.record({
    type: fc.constant('LeaseSigned'),
    data: fc.record({ leaseId: linkage, householdId: household, startsOn: day, endsOn: day }),
  }),
  fc.record({ type: fc.constant('LeaseEnded'), data: fc.record({ leaseId: linkage, endsOn: day }) }),
  fc.record({
    type: fc.constant('EmploymentStarted'),
    data: fc.record({ employmentId: linkage, householdId: household, startsOn: day }),
  }),
  fc.record({ type: fc.constant('EmploymentEnded'), data: fc.record({ employmentId: linkage, endsOn: day }) }),
  fc.record({
    type: fc.constantFrom('WagePaid', 'RentPaid', 'DividendPaid', 'PurchasePaid'),
    data: fc.record({ paymentId: payment, householdId: household, paidOn: day, amountFen: amount }),
  }),
  fc.record({ type: fc.constant('PaymentReversed'), data: fc.record({ paymentId: payment }) }),
  // An event coverage ignores, between the others.
  fc.record({ type: fc.constant('ProjectRegistered'), data: fc.record({ projectId: fc.constant('project-1') }) }),
);

describe('a projection fed in batches', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
    for (const schema of ['one_by_one', 'batched']) {
      await db.pool.query(
        [
          `create schema ${schema}`,
          ...['projection_checkpoints', ...coverageProjection.tables].map(
            (t) => `create table ${schema}.${t} (like ${t} including all)`,
          ),
        ].join(';\n'),
      );
    }
  });
  afterAll(() => db.drop());

  /** Both copies emptied, their checkpoints at the log's head: they see only what follows. */
  async function startFromHead(): Promise<void> {
    const head = await store.head();
    for (const schema of ['one_by_one', 'batched']) {
      for (const t of ['projection_checkpoints', ...coverageProjection.tables]) {
        await db.pool.query(`delete from ${quoteIdent(schema)}.${t}`);
      }
      await db.pool.query(
        `insert into ${schema}.projection_checkpoints (name, commit_position, prepare_position, position)
         values ($1, $2, $3, $4)`,
        [coverageProjection.name, head.commit.toString(), head.prepare.toString(), Number(head.prepare)],
      );
    }
  }

  const rows = async (schema: string) => {
    const result: Record<string, string[]> = {};
    for (const t of coverageProjection.tables) {
      const { rows } = await db.pool.query<{ row: string }>(`select x::text as row from ${schema}.${t} x order by 1`);
      result[t] = rows.map((r) => r.row);
    }
    return result;
  };

  it('ends with the same rows as fed one event at a time, for any log and page size', async () => {
    let runs = 0;
    let events = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 5, maxLength: 60, size: 'large' }),
        fc.integer({ min: 2, max: 50 }),
        async (log, pageSize) => {
          await startFromHead();
          // Each event its own append, in order; the streams do not matter to a projection.
          for (const e of log) {
            await store.appendToStream(
              `stream-${randomUUID()}`,
              [{ id: randomUUID(), ...e, metadata: {} }],
              'no_stream',
            );
          }
          await new ProjectionGroupRunner([coverageProjection], store, db.pool, 'one_by_one').catchUpAll(undefined, 1);
          await new ProjectionGroupRunner([coverageProjection], store, db.pool, 'batched').catchUpAll(
            undefined,
            pageSize,
          );
          runs++;
          events += log.length;
          expect(await rows('batched')).toEqual(await rows('one_by_one'));
        },
      ),
      { numRuns: 40 },
    );
    process.stdout.write(`batched = one by one: ${runs} generated logs, ${events} events, 0 differing\n`);
  });
});
