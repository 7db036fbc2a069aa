import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import type { Pool } from 'pg';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  LineDigest,
  RECORD_TABLES,
  type BackupEvent,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';

const PAGE = 2_000;

export interface BackupSummary {
  events: number;
  records: Record<string, number>;
  latestSeal?: BackupHeader['latestSeal'];
}

interface EventRow {
  tx: string;
  position: string;
  stream_id: string;
  revision: string;
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  recorded_at: string;
  hash: string;
}

/**
 * Writes a backup of the PostgreSQL log and records to `file`, from one snapshot (a repeatable-read
 * transaction: what it holds is what the ledger held at one instant). Written beside the target and
 * renamed when complete, so `file` is either the previous backup or a whole new one.
 */
export async function writeBackup(
  pool: Pool,
  file: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<BackupSummary> {
  const client = await pool.connect();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const piped = new Promise<void>((resolve, reject) => {
    gzip.pipe(out).on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  const digest = new LineDigest();
  const write = async (value: unknown) => {
    const line = JSON.stringify(value);
    digest.add(line);
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    const total = Number((await client.query<{ n: string }>('select count(*) as n from events')).rows[0].n);
    const seal = (
      await client.query<{ seal_no: string; up_to_position: string; hash: string }>(
        `select seal_no, up_to_position, encode(hash, 'hex') as hash from log_seals order by seal_no desc limit 1`,
      )
    ).rows[0];
    const latestSeal = seal && {
      sealNo: Number(seal.seal_no),
      upToPosition: Number(seal.up_to_position),
      hash: seal.hash,
    };
    const header: BackupHeader = {
      kind: 'header',
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      events: total,
      ...(latestSeal ? { latestSeal } : {}),
    };
    await write(header);

    // Log order: by appending transaction, then position (see event-store.migration.ts).
    await client.query(
      `declare backup_events no scroll cursor for
         select transaction_id::text as tx, global_position as position, stream_id, stream_revision as revision,
                event_id as id, event_type as type, data, metadata, to_json(recorded_at)#>>'{}' as recorded_at,
                encode(hash, 'hex') as hash
           from events order by transaction_id, global_position`,
    );
    let events = 0;
    for (;;) {
      const { rows } = await client.query<EventRow>(`fetch ${PAGE} from backup_events`);
      if (rows.length === 0) break;
      for (const r of rows) {
        const event: BackupEvent = {
          kind: 'event',
          tx: r.tx,
          position: Number(r.position),
          streamId: r.stream_id,
          revision: Number(r.revision),
          id: r.id,
          type: r.type,
          data: r.data,
          metadata: r.metadata,
          recordedAt: r.recorded_at,
          hash: r.hash,
        };
        await write(event);
      }
      events += rows.length;
      progress(events, total);
    }

    const records: Record<string, number> = {};
    for (const { table, order } of RECORD_TABLES) {
      const { rows } = await client.query<{ row: Record<string, unknown> }>(
        `select row_to_json(t) as row from ${table} t order by ${order}`,
      );
      for (const { row } of rows) await write({ kind: 'record', table, row });
      records[table] = rows.length;
    }
    await client.query('commit');

    const trailer: BackupTrailer = { kind: 'end', lines: digest.lines, events, sha256: digest.digest() };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await piped;
    await rename(partial, file);
    return { events, records, ...(latestSeal ? { latestSeal } : {}) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
}
