import { randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { compareLogPositions } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ledgerMigrations } from '../migrations';
import { ALL_PROJECTIONS } from '../all-projections';
import { statesOf } from './checkpoints';
import { failuresOf } from './projection-failure';
import { CheckpointMovedError, ProjectionGroupRunner } from './projection-runner';

/**
 * A small page (the live tail under a stream of commands) commits every read model's rows and
 * checkpoint in one transaction, instead of one transaction per read model on a pooled connection
 * each; should anything in it fail, the read models commit separately, so that a checkpoint moved by
 * someone else, or an event a read model cannot apply, still holds back that read model alone.
 */
describe('a small page, committed for all read models at once', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const names = ALL_PROJECTIONS.map((p) => p.name);

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  const registered = (enrolledOn?: string) => {
    const householdId = `household-${randomUUID()}`;
    return {
      householdId,
      event: {
        id: randomUUID(),
        type: 'HouseholdRegistered',
        data: {
          householdId,
          registrationNo: `P${householdId.slice(-5)}`,
          headName: '户主',
          members: 3,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
          ...(enrolledOn && { enrolledOn }),
        },
        metadata: { userId: 'test' },
      },
    };
  };

  /**
   * Counts the connections the runner checks out itself (each one a transaction of a read model);
   * `pool.query` checks one out with a callback, and is not counted.
   */
  const countingConnections = () => {
    let taken = 0;
    const connect = db.pool.connect.bind(db.pool) as (...args: unknown[]) => unknown;
    const counted = Object.assign(Object.create(db.pool) as typeof db.pool, {
      connect: ((...args: unknown[]) => {
        if (args.length === 0) taken++;
        return connect(...args);
      }) as typeof db.pool.connect,
    });
    return { pool: counted, taken: () => taken };
  };

  it('moves every checkpoint to the head with the rows, in one transaction on one connection', async () => {
    // From the start of the log each checkpoint is inserted on its own; afterwards they are moved.
    await store.appendToStream(`household-${randomUUID()}`, [registered().event], 'no_stream');
    await new ProjectionGroupRunner(ALL_PROJECTIONS, store, db.pool).catchUpAll();

    const { householdId, event } = registered();
    const start = await store.head();
    await store.appendToStream(householdId, [event], 'no_stream');
    const [recorded] = await store.readAll({ after: start });
    const withRows = ALL_PROJECTIONS.filter((p) => p.apply(recorded).length > 0).length;
    const counting = countingConnections();
    await new ProjectionGroupRunner(ALL_PROJECTIONS, store, counting.pool).catchUpAll();

    const head = await store.head();
    const states = await statesOf(db.pool, names);
    for (const name of names) expect(compareLogPositions(states.get(name)!.logPosition, head)).toBe(0);
    const { rows } = await db.pool.query('select 1 from household_list where household_id = $1', [householdId]);
    expect(rows).toHaveLength(1);
    console.log(
      `one household registered: ${counting.taken()} connection(s) for ${names.length} read models (${withRows} with rows)`,
    );
    expect(withRows).toBeGreaterThan(0);
    expect(counting.taken()).toBe(1);
  });

  it('refuses a checkpoint moved by someone else for that read model alone, and moves the others', async () => {
    const moved = 'reconciliations';
    const before = (await statesOf(db.pool, [moved])).get(moved)!;
    await store.appendToStream(`household-${randomUUID()}`, [registered().event], 'no_stream');
    // A rebuild (say) put this one's checkpoint elsewhere meanwhile.
    await db.pool.query('update projection_checkpoints set prepare_position = 1 where name = $1', [moved]);
    const runner = new ProjectionGroupRunner(ALL_PROJECTIONS, store, db.pool);
    // Advanced from where the runner last left them all, as a runner that read them before the move.
    const from = { logPosition: before.logPosition, position: before.position };
    await expect(runner.advance(ALL_PROJECTIONS, from)).rejects.toBeInstanceOf(CheckpointMovedError);
    const head = await store.head();
    const states = await statesOf(db.pool, names);
    for (const name of names.filter((n) => n !== moved)) {
      expect(compareLogPositions(states.get(name)!.logPosition, head)).toBe(0);
    }
    expect(states.get(moved)!.logPosition.prepare).toBe(1n);
  });

  it('holds back only the read model that cannot apply an event, and commits the others', async () => {
    // A year-0000 enrolment: PostgreSQL refuses the date in the household list's statement.
    // All but the one whose checkpoint the test before moved away.
    const members = ALL_PROJECTIONS.filter((p) => p.name !== 'reconciliations');
    const memberNames = members.map((p) => p.name);
    const states = await statesOf(db.pool, memberNames);
    const from = states.get('household-list')!;
    for (const name of memberNames)
      expect(compareLogPositions(states.get(name)!.logPosition, from.logPosition)).toBe(0);
    await store.appendToStream(`household-${randomUUID()}`, [registered('0000-01-01').event], 'no_stream');
    const runner = new ProjectionGroupRunner(members, store, db.pool);
    const failed = await runner.advance(members, from).catch((error: unknown) => error);
    expect(failuresOf(failed).map((f) => f.projection)).toEqual(['household-list']);
    const head = await store.head();
    const after = await statesOf(db.pool, memberNames);
    for (const name of memberNames.filter((n) => n !== 'household-list')) {
      expect(compareLogPositions(after.get(name)!.logPosition, head)).toBe(0);
    }
    expect(compareLogPositions(after.get('household-list')!.logPosition, from.logPosition)).toBe(0);
  });
});
