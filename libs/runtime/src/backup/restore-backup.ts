import type { Pool, PoolClient } from 'pg';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { LogSeals, type SealsVerification } from '@ledger/event-store/seals/log-seals';
import { RECORD_TABLES, type BackupEvent, type BackupHeader, type RecordTable } from './backup-format';
import { backupLines, checkBackup } from './read-backup';

const CHUNK = 2_000;

export interface RestoreSummary {
  header: BackupHeader;
  events: number;
  records: Record<string, number>;
  chainsOk: boolean;
  seals: SealsVerification;
  /** The restored log's latest seal hash equals the one the backup recorded. */
  latestSealMatches: boolean;
}

const INSERT_EVENTS = `
  insert into events (global_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)
  overriding system value
  select position, "streamId", revision, id, type, data, metadata, "recordedAt", decode(hash, 'hex')
    from jsonb_to_recordset($1::jsonb) as x(position bigint, "streamId" text, revision bigint, id uuid, type text,
                                            data jsonb, metadata jsonb, "recordedAt" timestamptz, hash text)`;

/** Seals name their end by log position, whose transaction id is this cluster's, not the old one's. */
const INSERT_SEALS = `
  insert into log_seals (seal_no, up_to_commit, up_to_prepare, up_to_position, events_sealed, hash, sealed_at,
                         root, from_position, to_position)
  select s.seal_no, e.transaction_id::text::numeric, e.global_position, s.up_to_position, s.events_sealed, s.hash, s.sealed_at,
         s.root, s.from_position, s.to_position
    from jsonb_populate_recordset(null::log_seals, $1::jsonb) s
    join events e on e.global_position = s.up_to_position`;

const insertRecords = (table: RecordTable) =>
  table === 'log_seals'
    ? INSERT_SEALS
    : `insert into ${table} select * from jsonb_populate_recordset(null::${table}, $1::jsonb)`;

/** One original transaction's events, appended in one transaction here, so log order stays as it was. */
async function appendGroup(client: PoolClient, events: BackupEvent[]): Promise<void> {
  await client.query('begin');
  try {
    for (let i = 0; i < events.length; i += CHUNK) {
      await client.query(INSERT_EVENTS, [JSON.stringify(events.slice(i, i + CHUNK))]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Restores a backup into an empty, migrated database, then proves it: every stream's chain is
 * recomputed from the restored content (so each hash is what the backup recorded), every seal is
 * recomputed, and the latest seal's hash must be the backup's. Events keep their positions and
 * recording times (clients, statements and printed cards refer to positions), and are written one
 * original transaction per transaction in log order: this cluster's transaction ids are new, so log
 * order is rebuilt from them, and read models start from nothing (they are rebuilt from the log).
 */
export async function restoreBackup(
  pool: Pool,
  file: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<RestoreSummary> {
  const { header } = await checkBackup(file);
  const occupied = await pool.query<{ table: string }>(
    `select 'events' as table where exists (select 1 from events)
     union all select 'log_seals' where exists (select 1 from log_seals)
     union all select 'idempotency_keys' where exists (select 1 from idempotency_keys)`,
  );
  if (occupied.rows.length > 0)
    throw new Error(
      `the target database already holds a ledger (${occupied.rows.map((r) => r.table).join(', ')}): restore into a new, empty one`,
    );

  const client = await pool.connect();
  const records: Record<string, number> = Object.fromEntries(RECORD_TABLES.map((t) => [t.table, 0]));
  let events = 0;
  try {
    let group: BackupEvent[] = [];
    let pending: { table: RecordTable; rows: unknown[] } | undefined;
    const flushRecords = async () => {
      if (!pending) return;
      await client.query(insertRecords(pending.table), [JSON.stringify(pending.rows)]);
      records[pending.table] += pending.rows.length;
      pending = undefined;
    };
    let logDone = false;
    const finishLog = async () => {
      if (logDone) return;
      logDone = true;
      if (group.length) await appendGroup(client, group);
      group = [];
      await client.query(
        `insert into streams (stream_id, revision, head_hash)
         select distinct on (stream_id) stream_id, stream_revision, hash from events order by stream_id, stream_revision desc`,
      );
      await client.query(
        `select setval(pg_get_serial_sequence('events', 'global_position'), max(global_position)) from events having count(*) > 0`,
      );
    };

    for await (const { line } of backupLines(file)) {
      if (line.kind === 'event') {
        if (group.length > 0 && group[0].tx !== line.tx) {
          await appendGroup(client, group);
          group = [];
        }
        group.push(line);
        events += 1;
        if (events % CHUNK === 0) progress(events, header.events);
      } else if (line.kind === 'record') {
        await finishLog();
        if (pending && (pending.table !== line.table || pending.rows.length >= CHUNK)) await flushRecords();
        pending ??= { table: line.table, rows: [] };
        pending.rows.push(line.row);
      }
    }
    await finishLog();
    await flushRecords();
    progress(events, header.events);
  } finally {
    client.release();
  }

  const store = new PostgresEventStore(pool);
  const [chains, seals] = await Promise.all([store.verify(), new LogSeals(store, pool).verify()]);
  return {
    header,
    events,
    records,
    chainsOk: chains.ok,
    seals,
    latestSealMatches: header.latestSeal
      ? seals.latestSeal?.hash === header.latestSeal.hash && !seals.brokenSeal
      : true,
  };
}
