import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { coverageProjection } from '../coverage/coverage.projection';
import { directoryProjection } from '../directory/directory.projection';
import { householdListProjection } from '../households/list-households/household-list.projection';
import { ledgerMigrations } from '../migrations';
import { statementProjection } from '../statements/statement.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { statesOf } from './checkpoints';
import type { Projection } from './projection';
import { ProjectionGroupRunner } from './projection-runner';
import { ProjectionRebuild, REBUILD_SCHEMA } from './rebuild';

/**
 * A projection made to throw on one event (a household enrolled on 0000-01-01, a date PostgreSQL
 * refuses, appended straight through the event-store port as a write-side bug would) parks that
 * projection alone, durably; a rebuild parks too while the cause is there, and repairs it once fixed.
 */

function registered(n: number, enrolledOn?: string) {
  const householdId = `household-${randomUUID()}`;
  return {
    id: randomUUID(),
    type: 'HouseholdRegistered',
    data: {
      householdId,
      registrationNo: `P${String(n).padStart(5, '0')}`,
      headName: `户主${n}`,
      members: 3,
      village: '桃园村',
      township: '城关镇',
      county: '英山县',
      ...(enrolledOn && { enrolledOn }),
    },
    metadata: { userId: 'test' },
  };
}

/** The household list as it will be once the bug is fixed: a year-0000 enrolment is read as unknown. */
const fixedHouseholdList: Projection = {
  ...householdListProjection,
  apply(event) {
    const data = event.data as { enrolledOn?: string };
    if (event.type === 'HouseholdRegistered' && data.enrolledOn?.startsWith('0000')) {
      return householdListProjection.apply({ ...event, data: { ...data, enrolledOn: undefined } });
    }
    return householdListProjection.apply(event);
  },
};

describe('a projection that cannot apply an event', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let poisonPosition: number;
  const watched = [householdListProjection, statementProjection, coverageProjection, directoryProjection];

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
    const append = async (e: ReturnType<typeof registered>) =>
      (await store.appendToStream(e.data.householdId, [e], 'no_stream')).position;
    for (let n = 1; n <= 20; n++) await append(registered(n));
    poisonPosition = await append(registered(21, '0000-01-01'));
    for (let n = 22; n <= 30; n++) await append(registered(n));
  });
  afterAll(() => db.drop());

  const states = () =>
    statesOf(
      db.pool,
      watched.map((p) => p.name),
    );
  const householdRows = async () =>
    (await db.pool.query<{ n: string }>('select count(*) as n from household_list')).rows[0].n;
  const head = async () => Number((await store.head()).prepare);

  /** Runs the live runner until `done` holds (or 20 s pass), then stops it. */
  async function runUntil(done: () => Promise<boolean>): Promise<void> {
    const controller = new AbortController();
    const running = new ProjectionGroupRunner(watched, store, db.pool).run({ signal: controller.signal, idleMs: 5 });
    try {
      for (let i = 0; i < 400 && !(await done()); i++) await sleep(50);
    } finally {
      controller.abort();
      await running;
    }
  }

  it('parks that projection at the event, with the error, while the others go on to the head', async () => {
    const last = await head();
    await runUntil(async () => {
      const s = await states();
      return s.get('household-list')!.status === 'parked' && s.get('statement')!.position === last;
    });
    const s = await states();
    const parked = s.get('household-list')!;
    expect(parked.status).toBe('parked');
    expect(parked.parked).toMatchObject({ position: poisonPosition, eventType: 'HouseholdRegistered' });
    expect(parked.parked!.error).toMatch(/out of range/);
    // The checkpoint stays just before the event: every household before it is listed, none after.
    expect(parked.position).toBe(poisonPosition - 1);
    expect(await householdRows()).toBe('20');
    // A projection that does not read enrolledOn goes on past it, to the head.
    expect(s.get('statement')).toMatchObject({ status: 'running', position: last });
    const report = [...s].map(([name, state]) => `${name}: ${state.status} at ${state.position}`);
    process.stdout.write(`projections after a poison event at ${poisonPosition} of ${last}: ${report.join('; ')}\n`);
  });

  it('stays parked across a restart: the event is not tried again', async () => {
    const before = await states();
    let batches = 0;
    const controller = new AbortController();
    const running = new ProjectionGroupRunner([householdListProjection], store, db.pool).run({
      signal: controller.signal,
      idleMs: 5,
      onBatch: () => batches++,
    });
    await sleep(300);
    controller.abort();
    await running;
    expect(batches).toBe(0);
    expect((await states()).get('household-list')).toEqual(before.get('household-list'));
  });

  it('parks a rebuild too while the cause is there: nothing is swapped in, the live rows stay', async () => {
    const results = await new ProjectionRebuild([householdListProjection], store, db.pool).run();
    expect(results).toEqual([
      {
        name: 'household-list',
        status: 'parked',
        poison: expect.objectContaining({ position: poisonPosition, eventType: 'HouseholdRegistered' }) as unknown,
      },
    ]);
    expect(await householdRows()).toBe('20');
    expect((await states()).get('household-list')!.status).toBe('parked');
    const schemas = await db.pool.query('select 1 from pg_namespace where nspname = $1', [REBUILD_SCHEMA]);
    expect(schemas.rowCount).toBe(0);
  });

  it('is repaired by a rebuild once fixed, which readers never see empty, under a live runner', async () => {
    const controller = new AbortController();
    const live = new ProjectionGroupRunner([fixedHouseholdList], store, db.pool).run({
      signal: controller.signal,
      idleMs: 5,
    });
    // A reader polling the list all through the rebuild and its swap.
    let reading = true;
    const counts: number[] = [];
    const reader = (async () => {
      while (reading) counts.push(Number(await householdRows()));
    })();
    // Writes go on during the rebuild too.
    const writer = (async () => {
      for (let n = 31; n <= 60; n++) {
        const e = registered(n);
        await store.appendToStream(e.data.householdId, [e], 'no_stream');
      }
    })();
    const results = await new ProjectionRebuild([fixedHouseholdList], store, db.pool).run();
    await writer;
    expect(results).toEqual([expect.objectContaining({ name: 'household-list', status: 'rebuilt' })]);
    const last = await head();
    for (let i = 0; i < 200; i++) {
      if ((await states()).get('household-list')!.position === last) break;
      await sleep(25);
    }
    reading = false;
    await reader;
    controller.abort();
    await live;
    const state = (await states()).get('household-list')!;
    expect(state).toMatchObject({ status: 'running', position: last });
    expect(state.parked).toBeUndefined();
    expect(await householdRows()).toBe('60');
    process.stdout.write(
      `reads during the rebuild: ${counts.length}, fewest households seen ${Math.min(...counts)} (20 before it)\n`,
    );
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(20);
    // Never fewer than a reader saw before: the list only grows.
    expect(counts.every((c, i) => i === 0 || c >= counts[i - 1])).toBe(true);
  });

  it('rebuilds every read model to exactly the live tables', async () => {
    const projections = ALL_PROJECTIONS.map((p) => (p.name === fixedHouseholdList.name ? fixedHouseholdList : p));
    await new ProjectionGroupRunner(projections, store, db.pool).catchUpAll();
    const snapshot = async () => {
      const result: Record<string, string[]> = {};
      for (const table of projections.flatMap((p) => p.tables)) {
        const { rows } = await db.pool.query<{ row: string }>(`select t::text as row from ${table} t order by 1`);
        result[table] = rows.map((r) => r.row);
      }
      return result;
    };
    const before = await snapshot();
    const results = await new ProjectionRebuild(projections, store, db.pool).run();
    expect(results.map((r) => r.status)).toEqual(projections.map(() => 'rebuilt'));
    const after = await snapshot();
    const differing = Object.keys(before).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));
    process.stdout.write(
      `tables compared after a rebuild of all: ${Object.keys(before).length}, differing: ${differing.length}\n`,
    );
    expect(differing).toEqual([]);
    expect(before.household_list).toHaveLength(60);
  });
});
