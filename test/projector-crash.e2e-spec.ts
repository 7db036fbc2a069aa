import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { ledgerMigrations } from '@ledger/ledger';
import { ALL_PROJECTIONS } from '../libs/ledger/src/all-projections';
import { ProjectionRunner } from '../libs/ledger/src/projections/projection-runner';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');

/** Every projection's tables, as sorted text, to compare two states of the read side. */
async function snapshot(db: TestDatabase): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const projection of ALL_PROJECTIONS) {
    for (const table of projection.tables) {
      const { rows } = await db.pool.query<{ row: string }>(`select t::text as row from ${table} t order by 1`);
      result[table] = rows.map((r) => r.row);
    }
  }
  return result;
}

describe('the projector killed mid-batch', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
    // A few thousand events in batches, so that kills land in the middle of projection batches.
    for (let batch = 0; batch < 30; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) => {
          const n = batch * 100 + i;
          const householdId = `household-${randomUUID()}`;
          return store.appendToStream(
            householdId,
            [
              {
                id: randomUUID(),
                type: 'HouseholdRegistered',
                data: {
                  householdId,
                  registrationNo: `K${n}`,
                  headName: `户主${n}`,
                  members: 1 + (n % 6),
                  village: `村${n % 7}`,
                  township: `镇${n % 3}`,
                  county: '英山县',
                },
                metadata: {},
              },
              ...(n % 4 === 0
                ? [
                    {
                      id: randomUUID(),
                      type: 'HouseholdStatusChanged',
                      data: { householdId, status: 'exited', effectiveOn: '2018-12-31', reason: '脱贫' },
                      metadata: {},
                    },
                  ]
                : []),
            ],
            'no_stream',
          );
        }),
      );
    }
  });
  afterAll(() => db.drop());

  it('loses and doubles no row over repeated kill -9 and restart (compared with a rebuild)', async () => {
    const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' };
    const head = await store.head();
    let kills = 0;
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, [cliMain, 'projections', 'run'], { env, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 600 + Math.random() * 900));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      kills++;
      const checkpoint = await ProjectionRunner.checkpointOf(db.pool, 'household-list');
      if (checkpoint.position >= Number(head.prepare)) break;
    }
    // Let a last run finish the log, then stop it politely.
    const last = spawn(process.execPath, [cliMain, 'projections', 'run'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    last.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 600; i++) {
      const checkpoints = await Promise.all(ALL_PROJECTIONS.map((p) => ProjectionRunner.checkpointOf(db.pool, p.name)));
      if (checkpoints.every((c) => c.position >= Number(head.prepare))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    last.kill('SIGTERM');
    await new Promise((r) => last.once('exit', r));
    const afterKills = await snapshot(db);

    for (const projection of ALL_PROJECTIONS) {
      const runner = new ProjectionRunner(projection, store, db.pool);
      await runner.reset();
      await runner.catchUp();
    }
    const rebuilt = await snapshot(db);
    const differing = Object.keys(rebuilt).reduce(
      (n, table) =>
        n +
        rebuilt[table].filter((row) => !afterKills[table].includes(row)).length +
        afterKills[table].filter((row) => !rebuilt[table].includes(row)).length,
      0,
    );
    console.log(`projector killed ${kills} times mid-run: rows differing from a rebuild: ${differing}`);
    expect(differing).toBe(0);
    expect(afterKills).toEqual(rebuilt);
    expect(afterKills.household_list).toHaveLength(3000);
  }, 300_000);
});
