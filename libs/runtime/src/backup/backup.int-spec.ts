import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { LogSeals, logSealsMigrations } from '@ledger/event-store/seals/log-seals';
import { anEvent, aStream } from '@ledger/event-store/testing/event-store.contract';
import { ledgerMigrations } from '@ledger/ledger';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { restoreBackup } from './restore-backup';
import { writeBackup } from './write-backup';

const migrations = [...eventStoreMigrations, ...logSealsMigrations, ...ledgerMigrations];

/** The log as stored, in log order, without what a new cluster necessarily changes (transaction ids). */
const logOf = async (db: TestDatabase) =>
  (
    await db.pool.query(
      `select global_position, stream_id, stream_revision, event_id, event_type, data, metadata,
              recorded_at::text, encode(hash, 'hex') as hash
         from events order by transaction_id, global_position`,
    )
  ).rows;

describe('backup and restore', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    [source, target] = await Promise.all([createTestDatabase(migrations), createTestDatabase(migrations)]);
    dir = await mkdtemp(join(tmpdir(), 'ledger-backup-'));
  });
  afterEach(async () => {
    await Promise.all([source.drop(), target.drop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database the very log (positions, times, hashes, log order) and records, verifies, and takes new writes and seals', async () => {
    const store = new PostgresEventStore(source.pool);
    const seals = new LogSeals(store, source.pool);
    for (let i = 0; i < 20; i++)
      await store.appendToStream(aStream(), [anEvent('Paid', { i }), anEvent('Noted', { i })], 'no_stream');
    // log order differs from position order: the first transaction draws a position, commits last
    const slow = await source.pool.connect();
    await slow.query('begin');
    await slow.query('select pg_current_xact_id()');
    await store.appendToStream(aStream(), [anEvent('Fast')], 'no_stream');
    await slow.query(
      `select * from append_to_stream($1, -1, array[gen_random_uuid()], array['Slow'], array['{}'::jsonb], array['{}'::jsonb])`,
      [aStream()],
    );
    await slow.query('commit');
    slow.release();
    await seals.seal();
    await store.inUnitOfWork((unit) =>
      unit.appendToStreams([
        { streamId: aStream(), events: [anEvent('Imported', { row: 1 })], expectedRevision: 'no_stream' },
        { streamId: aStream(), events: [anEvent('Imported', { row: 2 })], expectedRevision: 'no_stream' },
      ]),
    );
    await seals.seal();
    await source.pool.query(
      `insert into idempotency_keys (caller_id, key, request_hash, status, body) values ('u1', 'k1', 'h', 201, '{"id": "x"}')`,
    );

    const file = join(dir, 'ledger.backup');
    const backedUp = await writeBackup(source.pool, file);
    expect(backedUp).toMatchObject({ events: 44, records: { log_seals: 2, idempotency_keys: 1 } });

    const restored = await restoreBackup(target.pool, file);
    console.log(
      `restored ${restored.events} events; chains ok ${restored.chainsOk}; seals checked ${restored.seals.sealsChecked}, latest matches ${restored.latestSealMatches}`,
    );
    expect(restored).toMatchObject({
      events: 44,
      chainsOk: true,
      latestSealMatches: true,
      seals: { sealsChecked: 2, unsealedEvents: 0 },
    });
    expect(await logOf(target)).toEqual(await logOf(source));
    expect((await target.pool.query('select caller_id, key, status, body from idempotency_keys')).rows).toEqual([
      { caller_id: 'u1', key: 'k1', status: 201, body: { id: 'x' } },
    ]);

    // the restored ledger goes on: a new write takes the next position and is sealed, verify stays ok
    const restoredStore = new PostgresEventStore(target.pool);
    const next = await restoredStore.appendToStream(aStream(), [anEvent('After')], 'no_stream');
    expect(next.position).toBeGreaterThan(Math.max(...(await logOf(source)).map((r) => Number(r.global_position))));
    const restoredSeals = new LogSeals(restoredStore, target.pool);
    expect(await restoredSeals.seal()).toMatchObject({ sealNo: 3 });
    expect((await restoredStore.verify()).ok).toBe(true);
    expect((await restoredSeals.verify()).brokenSeal).toBeUndefined();

    // and refuses to restore over a ledger
    await expect(restoreBackup(target.pool, file)).rejects.toThrow(/already holds a ledger/);
  });

  it('refuses a damaged or truncated backup before writing anything', async () => {
    const store = new PostgresEventStore(source.pool);
    for (let i = 0; i < 3; i++)
      await store.appendToStream(aStream(), [anEvent('Paid', { amountFen: 100 })], 'no_stream');
    const file = join(dir, 'ledger.backup');
    await writeBackup(source.pool, file);
    const lines = gunzipSync(await readFile(file))
      .toString()
      .split('\n');

    const edited = join(dir, 'edited.backup');
    await writeFile(edited, gzipSync(lines.map((l) => l.replace('"amountFen":100', '"amountFen":900')).join('\n')));
    await expect(restoreBackup(target.pool, edited)).rejects.toThrow(/does not match its end line/);

    const truncated = join(dir, 'truncated.backup');
    await writeFile(truncated, gzipSync(lines.slice(0, -2).join('\n')));
    await expect(restoreBackup(target.pool, truncated)).rejects.toThrow(/incomplete/);
    expect((await target.pool.query('select count(*)::int as n from events')).rows[0].n).toBe(0);
  });
});
