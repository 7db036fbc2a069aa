import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { inParallel, ratePerSecond, repeat, type Spread } from '../stats';

/** A row shaped like a stored event: what PostgreSQL itself can take, with nothing of ours on top. */
export interface RawRow {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

export interface RawSizes {
  single: number;
  single8: number;
  unnestBatches: number;
  copy: number;
}

export interface RawResults {
  single: Spread;
  single8: Spread;
  unnest100: Spread;
  copy: Spread;
  readAll: Spread;
  /** The same `unnest` batches into a table with the event log's indexes (what our indexes cost). */
  unnest100Indexed: Spread;
}

const COLUMNS = 'stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at';

/**
 * The bare table: an identity key for keyset reads and nothing else. `raw_events_indexed` has the
 * event log's own indexes too, to tell what they cost.
 */
export async function createRawTables(pool: Pool): Promise<void> {
  await pool.query(`
    drop table if exists raw_events, raw_events_indexed;
    create table raw_events (
      id              bigint generated always as identity primary key,
      stream_id       text        not null,
      stream_revision bigint      not null,
      event_id        uuid        not null,
      event_type      text        not null,
      data            jsonb       not null,
      metadata        jsonb       not null,
      recorded_at     timestamptz not null
    );
    create table raw_events_indexed (like raw_events including all);
    alter table raw_events_indexed add column transaction_id xid8 not null default pg_current_xact_id();
    create unique index on raw_events_indexed (stream_id, stream_revision);
    create unique index on raw_events_indexed (stream_id, event_id);
    create index on raw_events_indexed (transaction_id, id);
  `);
}

/** Rows cycling through real events' payloads, with fresh ids and streams. */
export class RowSource {
  private n = 0;
  constructor(private readonly templates: readonly { type: string; data: string; metadata: string }[]) {}

  next(): RawRow {
    const t = this.templates[this.n % this.templates.length];
    this.n++;
    return {
      streamId: `raw-${Math.floor(this.n / 50)}`,
      revision: this.n % 50,
      eventId: randomUUID(),
      type: t.type,
      data: t.data,
      metadata: t.metadata,
    };
  }

  take(count: number): RawRow[] {
    return Array.from({ length: count }, () => this.next());
  }
}

const INSERT_ONE = `insert into raw_events (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, now())`;
const insertUnnest = (table: string) =>
  `insert into ${table} (${COLUMNS})
   select s, r, i, t, d, m, now() from unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
     as u(s, r, i, t, d, m)`;

const rowValues = (r: RawRow) => [r.streamId, r.revision, r.eventId, r.type, r.data, r.metadata];

/** COPY's text format: tab-separated, with backslash escapes. */
function copyLine(r: RawRow, recordedAt: string): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${esc(r.streamId)}\t${r.revision}\t${r.eventId}\t${esc(r.type)}\t${esc(r.data)}\t${esc(r.metadata)}\t${recordedAt}\n`;
}

export async function measureRaw(
  pool: Pool,
  rows: RowSource,
  sizes: RawSizes,
  runs: number,
  readAllRows: number,
  log: (line: string) => void,
): Promise<RawResults> {
  await createRawTables(pool);

  log(`raw single-row inserts: ${sizes.single} rows × ${runs}`);
  const single = await repeat(
    runs,
    () =>
      ratePerSecond(sizes.single, async () => {
        for (const row of rows.take(sizes.single)) await pool.query(INSERT_ONE, rowValues(row));
      }),
    true,
  );

  log(`raw single-row inserts, 8 connections: ${sizes.single8} rows × ${runs}`);
  const single8 = await repeat(runs, () => {
    const batch = rows.take(sizes.single8);
    return ratePerSecond(sizes.single8, () =>
      inParallel(batch, 8, (row) => pool.query(INSERT_ONE, rowValues(row)).then(() => undefined)),
    );
  });

  const unnest = async (table: string) => {
    const batches = Array.from({ length: sizes.unnestBatches }, () => rows.take(100));
    return ratePerSecond(sizes.unnestBatches * 100, async () => {
      for (const batch of batches) {
        await pool.query(insertUnnest(table), [
          batch.map((r) => r.streamId),
          batch.map((r) => r.revision),
          batch.map((r) => r.eventId),
          batch.map((r) => r.type),
          batch.map((r) => r.data),
          batch.map((r) => r.metadata),
        ]);
      }
    });
  };
  log(`raw unnest batches of 100: ${sizes.unnestBatches} batches × ${runs}`);
  const unnest100 = await repeat(runs, () => unnest('raw_events'), true);
  log(`raw unnest batches of 100 into a table with the log's indexes: ${sizes.unnestBatches} batches × ${runs}`);
  const unnest100Indexed = await repeat(runs, () => unnest('raw_events_indexed'), true);

  log(`raw COPY: ${sizes.copy} rows × ${runs}`);
  const copy = await repeat(runs, async () => {
    const batch = rows.take(sizes.copy);
    const recordedAt = new Date().toISOString();
    const client = await pool.connect();
    try {
      return await ratePerSecond(sizes.copy, async () => {
        const sink = client.query(copyFrom(`copy raw_events (${COLUMNS}) from stdin`));
        await pipeline(
          Readable.from(
            (function* () {
              // Lines in chunks of a few hundred kilobytes, as a file reader would hand them over.
              let chunk = '';
              for (const row of batch) {
                chunk += copyLine(row, recordedAt);
                if (chunk.length > 256 * 1024) {
                  yield chunk;
                  chunk = '';
                }
              }
              if (chunk) yield chunk;
            })(),
          ),
          sink,
        );
      });
    } finally {
      client.release();
    }
  });

  // Make sure the table holds at least as many rows as the log the store reads.
  const { rows: count } = await pool.query<{ n: string }>('select count(*) as n from raw_events');
  let have = Number(count[0].n);
  while (have < readAllRows) {
    const batch = rows.take(Math.min(100, readAllRows - have));
    await pool.query(insertUnnest('raw_events'), [
      batch.map((r) => r.streamId),
      batch.map((r) => r.revision),
      batch.map((r) => r.eventId),
      batch.map((r) => r.type),
      batch.map((r) => r.data),
      batch.map((r) => r.metadata),
    ]);
    have += batch.length;
  }
  await pool.query('vacuum analyze raw_events');

  log(`raw keyset read of ${readAllRows} rows in pages of 1,000 × ${runs}`);
  const readAll = await repeat(
    runs,
    () =>
      ratePerSecond(readAllRows, async () => {
        let after = 0;
        let read = 0;
        while (read < readAllRows) {
          const { rows: page } = await pool.query<{ id: string }>(
            `select id, ${COLUMNS} from raw_events where id > $1 order by id limit $2`,
            [after, Math.min(1000, readAllRows - read)],
          );
          if (page.length === 0) break;
          read += page.length;
          after = Number(page[page.length - 1].id);
        }
      }),
    true,
  );

  return { single, single8, unnest100, copy, readAll, unnest100Indexed };
}
