import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { ledgerMigrations } from '../migrations';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionGroupRunner } from './projection-runner';

/**
 * Two projectors on one database (each with its own pool and sessions, as two processes would be):
 * they split the projections by lease (advisory lock), and when one dies, its sessions end and the
 * other takes its projections over within seconds, with no household row lost or doubled.
 */
describe('projectors sharing the projections', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  let n = 0;
  const register = async (count: number) => {
    for (let i = 0; i < count; i++) {
      n++;
      const householdId = `household-${randomUUID()}`;
      const data = {
        householdId,
        registrationNo: `S${String(n).padStart(5, '0')}`,
        headName: `户主${n}`,
        members: 3,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      };
      await store.appendToStream(
        householdId,
        [{ id: randomUUID(), type: 'HouseholdRegistered', data, metadata: { userId: 'test' } }],
        'no_stream',
      );
    }
  };
  /** The projections whose locks the sessions of `application` hold. */
  const heldBy = async (application: string) =>
    (
      await db.pool.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and l.granted and a.application_name = $1
            and l.classid = hashtext('ledger-projection')::oid`,
        [application],
      )
    ).rows[0].n;
  const until = async (ok: () => Promise<boolean>, ms: number) => {
    const deadline = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return true;
  };
  const projector = (application: string) => {
    const pool = new Pool({ connectionString: db.url, application_name: application, max: 4 });
    // As the service's pool does (libs/runtime/src/database.ts): a lost connection is the pool's error.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const controller = new AbortController();
    const runner = new ProjectionGroupRunner(ALL_PROJECTIONS, store, pool);
    const running = runner.run({ signal: controller.signal, idleMs: 10, share: true }).catch(() => false);
    return { pool, controller, running };
  };

  it('splits the projections between two, and the survivor takes over within seconds of a death', async () => {
    await register(50);
    const a = projector('projector-a');
    expect(await until(async () => (await heldBy('projector-a')) === ALL_PROJECTIONS.length, 10_000)).toBe(true);
    const b = projector('projector-b');
    // b joins; a lets go of what exceeds its share, b takes it: 7 projections as 4 + 3.
    const split = await until(
      async () =>
        (await heldBy('projector-a')) + (await heldBy('projector-b')) === ALL_PROJECTIONS.length &&
        (await heldBy('projector-b')) >= Math.floor(ALL_PROJECTIONS.length / 2),
      15_000,
    );
    expect(split).toBe(true);
    await register(50);

    // a dies: its sessions end as a killed process's would (the server sees them go).
    const died = Date.now();
    a.controller.abort();
    await db.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'projector-a'`,
    );
    expect(await until(async () => (await heldBy('projector-b')) === ALL_PROJECTIONS.length, 15_000)).toBe(true);
    const takeoverSeconds = (Date.now() - died) / 1000;
    expect(takeoverSeconds).toBeLessThan(10);
    await register(50);

    // Every household exactly once, and every checkpoint at the head.
    const head = Number((await store.head()).prepare);
    const caughtUp = await until(async () => {
      const { rows } = await db.pool.query<{ behind: number }>(
        'select count(*)::int as behind from projection_checkpoints where position < $1',
        [head],
      );
      return rows[0].behind === 0;
    }, 15_000);
    expect(caughtUp).toBe(true);
    const { rows } = await db.pool.query<{ total: number; distinct: number }>(
      `select count(*)::int as total, count(distinct registration_no)::int as distinct from household_list
        where registration_no like 'S%'`,
    );
    expect(rows[0]).toEqual({ total: 150, distinct: 150 });
    process.stdout.write(`projector takeover after a death: ${takeoverSeconds.toFixed(1)} s\n`);

    b.controller.abort();
    await Promise.all([a.running, b.running]);
    await Promise.all([a.pool.end().catch(() => undefined), b.pool.end().catch(() => undefined)]);
  }, 90_000);
});
