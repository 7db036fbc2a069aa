import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { migrate } from '@ledger/database';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { ledgerMigrations } from '../../migrations';
import { insertOnce, row, type Projection } from '../../projections/projection';
import { ProjectionGroupRunner } from '../../projections/projection-runner';
import { disbursed } from '../loan.fixtures';
import { loanBookProjection, loanBookVillageMigration } from './loan-book.projection';

/**
 * An existing database gets the loan book's village without anyone running a rebuild: the migration
 * empties the book and its checkpoint, and the runner fills it again from the log, villages included.
 */
/** The book as it was before the migration: its households without a village. */
const HOUSEHOLDS_BEFORE = insertOnce('loan_book_households', 'household_id', {
  household_id: 'text',
  registration_no: 'text',
  head_name: 'text',
  county: 'text',
  township: 'text',
});
const bookBefore: Projection = {
  ...loanBookProjection,
  apply(event) {
    if (event.type !== 'HouseholdRegistered') return loanBookProjection.apply(event);
    const d = event.data as {
      householdId: string;
      registrationNo: string;
      headName: string;
      county: string;
      township: string;
    };
    return [row(HOUSEHOLDS_BEFORE, d.householdId, d.registrationNo, d.headName, d.county, d.township)];
  },
};

describe('the loan book’s village on a database that had the book before', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const before = [...eventStoreMigrations, ...ledgerMigrations].filter((m) => m !== loanBookVillageMigration);

  beforeAll(async () => {
    db = await createTestDatabase(before);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  /** Runs the book's runner (as it is, or as it was) until it has applied the log's last event. */
  async function catchUp(book: Projection = loanBookProjection): Promise<void> {
    const head = Number((await store.head()).prepare);
    const controller = new AbortController();
    const running = new ProjectionGroupRunner([book], store, db.pool).run({
      signal: controller.signal,
      idleMs: 5,
    });
    try {
      for (let i = 0; i < 400; i++) {
        const { rows } = await db.pool.query<{ position: string }>(
          'select position from projection_checkpoints where name = $1',
          [loanBookProjection.name],
        );
        if (Number(rows[0]?.position ?? 0) >= head) return;
        await sleep(50);
      }
    } finally {
      controller.abort();
      await running;
    }
  }

  it('rebuilds the book from the log once migrated, each borrower with its village', async () => {
    const householdId = `household-${randomUUID()}`;
    const registered = {
      id: randomUUID(),
      type: 'HouseholdRegistered',
      data: {
        householdId,
        registrationNo: '421127010100001',
        headName: '王五',
        members: 3,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      },
      metadata: { userId: 'test' },
    };
    await store.appendToStream(householdId, [registered], 'no_stream');
    const loan = disbursed({ householdId });
    await store.appendToStream(
      loan.data.loanId,
      [{ id: randomUUID(), ...loan, metadata: { userId: 'test' } }],
      'no_stream',
    );
    // The book as it was, filled by the runner of then, its checkpoint at the head.
    await catchUp(bookBefore);
    const count = async (table: string) => (await db.pool.query(`select 1 from ${table}`)).rowCount;
    expect(await count('loan_book_loans')).toBe(1);

    await migrate(db.pool, [...before, loanBookVillageMigration]);
    expect(await count('loan_book_loans')).toBe(0);
    // The checkpoint is gone with the rows: the runner starts the book again from the first event.
    expect(await count(`projection_checkpoints where name = '${loanBookProjection.name}'`)).toBe(0);
    await catchUp();
    const { rows } = await db.pool.query<{ village: string; loans: string }>(
      `select h.village, count(l.loan_id) as loans
         from loan_book_households h left join loan_book_loans l on l.household_id = h.household_id
        group by h.village`,
    );
    expect(rows).toEqual([{ village: '桃园村', loans: '1' }]);
  });
});
