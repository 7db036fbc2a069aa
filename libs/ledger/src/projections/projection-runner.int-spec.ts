import { randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { householdListProjection } from '../households/list-households/household-list.projection';
import { ledgerMigrations } from '../migrations';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

function registered(n: number) {
  const householdId = `household-${randomUUID()}`;
  return {
    id: randomUUID(),
    type: 'HouseholdRegistered',
    data: {
      householdId,
      registrationNo: `R${String(n).padStart(5, '0')}`,
      headName: `户主${n}`,
      members: 3,
      village: '桃园村',
      township: '城关镇',
      county: '英山县',
    },
    metadata: { userId: 'test' },
  };
}

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  const rows = async () =>
    (
      await db.pool.query<{ registration_no: string; status: string }>(
        'select registration_no, status from household_list order by registration_no',
      )
    ).rows;

  it('projects events into rows and advances its checkpoint with them', async () => {
    const first = registered(1);
    await store.appendToStream(first.data.householdId, [first], 'no_stream');
    await store.appendToStream(
      first.data.householdId,
      [
        {
          id: randomUUID(),
          type: 'HouseholdStatusChanged',
          data: { householdId: first.data.householdId, status: 'exited', effectiveOn: '2018-12-31', reason: '脱贫' },
          metadata: {},
        },
      ],
      0,
    );
    const runner = new ProjectionRunner(householdListProjection, store, db.pool);
    const checkpoint = await runner.catchUp();
    expect(await rows()).toEqual([{ registration_no: 'R00001', status: 'exited' }]);
    expect(checkpoint.position).toBe(Number((await store.head()).prepare));
  });

  it('rolls a failing batch back whole, checkpoint included, and resumes with nothing lost or doubled', async () => {
    for (let n = 2; n <= 30; n++) {
      const e = registered(n);
      await store.appendToStream(e.data.householdId, [e], 'no_stream');
    }
    // A projector that dies in the middle of a batch, after it has already written some rows.
    let applied = 0;
    const crashing: Projection = {
      ...householdListProjection,
      apply(event) {
        if (++applied === 12) throw new Error('simulated crash mid-batch');
        return householdListProjection.apply(event);
      },
    };
    const before = await rows();
    const checkpointBefore = await ProjectionRunner.checkpointOf(db.pool, householdListProjection.name);
    await expect(new ProjectionRunner(crashing, store, db.pool).catchUp(undefined, 20)).rejects.toThrow(
      'simulated crash',
    );
    // The batch that crashed left nothing behind: neither its first eleven rows nor a moved checkpoint.
    expect(await rows()).toEqual(before);
    expect(await ProjectionRunner.checkpointOf(db.pool, householdListProjection.name)).toEqual(checkpointBefore);
    // Resume with a healthy runner: every household exactly once.
    await new ProjectionRunner(householdListProjection, store, db.pool).catchUp();
    const final = await rows();
    expect(final.map((r) => r.registration_no)).toEqual(
      Array.from({ length: 30 }, (_, i) => `R${String(i + 1).padStart(5, '0')}`),
    );
  });

  it('catches up past a transaction that holds the head out of sight, once it ends', async () => {
    // Another writer has taken its transaction id but not committed; an event committed after it
    // is the head, yet no read may pass the open transaction (its append could land before).
    const holder = await db.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select pg_current_xact_id()');
      const late = registered(900);
      await store.appendToStream(late.data.householdId, [late], 'no_stream');
      const caughtUp = new ProjectionRunner(householdListProjection, store, db.pool).catchUp();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('commit');
      await caughtUp;
      expect(await rows()).toContainEqual({ registration_no: 'R00900', status: 'enrolled' });
    } finally {
      holder.release();
    }
  });

  it('lets only one runner hold a projection', async () => {
    const a = new ProjectionRunner(householdListProjection, store, db.pool);
    const b = new ProjectionRunner(householdListProjection, store, db.pool);
    const controller = new AbortController();
    const running = a.run({ signal: controller.signal, idleMs: 5 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await b.run({ signal: new AbortController().signal })).toBe(false);
    controller.abort();
    expect(await running).toBe(true);
  });

  it('rebuilds under a live runner to exactly the live rows', async () => {
    const live = await db.pool.query('select * from household_list order by household_id');
    const runner = new ProjectionRunner(householdListProjection, store, db.pool);
    const controller = new AbortController();
    const running = runner.run({ signal: controller.signal, idleMs: 5 });
    await runner.reset();
    const head = await store.head();
    for (let i = 0; i < 200; i++) {
      const checkpoint = await ProjectionRunner.checkpointOf(db.pool, householdListProjection.name);
      if (checkpoint.position === Number(head.prepare)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    controller.abort();
    expect(await running).toBe(true);
    const rebuilt = await db.pool.query('select * from household_list order by household_id');
    expect(rebuilt.rows).toEqual(live.rows);
  });
});
