import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { START_OF_LOG, type EventStore } from '@ledger/event-store';
import { ratePerSecond, spread, type Spread } from '../stats';
import { createRawTables, type RawRow, type RowSource } from './raw';
import type { EventSource } from './store';

/**
 * The raw limit and the event store measured side by side: each run does every raw measurement and
 * its event-store counterpart one right after the other, so that a change of load on the machine
 * (other work, a checkpoint) weighs on both alike. One untimed warm-up round first.
 */

const COLUMNS = 'stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at';
const INSERT_ONE = `insert into raw_events (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, now())`;
const insertUnnest = (table: string) =>
  `insert into ${table} (${COLUMNS})
   select s, r, i, t, d, m, now() from unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
     as u(s, r, i, t, d, m)`;
const rowValues = (r: RawRow) => [r.streamId, r.revision, r.eventId, r.type, r.data, r.metadata];
const columns = (batch: readonly RawRow[]) => [
  batch.map((r) => r.streamId),
  batch.map((r) => r.revision),
  batch.map((r) => r.eventId),
  batch.map((r) => r.type),
  batch.map((r) => r.data),
  batch.map((r) => r.metadata),
];

function copyLine(r: RawRow, recordedAt: string): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${esc(r.streamId)}\t${r.revision}\t${r.eventId}\t${esc(r.type)}\t${esc(r.data)}\t${esc(r.metadata)}\t${recordedAt}\n`;
}

/** Streams written round-robin, each appended to at its known revision (as a command would). */
export class Streams {
  private readonly revisions: number[];
  private n = 0;
  constructor(
    private readonly prefix: string,
    count: number,
  ) {
    this.revisions = Array.from({ length: count }, () => -1);
  }

  next(): { streamId: string; expected: number | 'no_stream'; advance: (by: number) => void } {
    const i = this.n++ % this.revisions.length;
    const revision = this.revisions[i];
    return {
      streamId: `${this.prefix}-${i}`,
      expected: revision < 0 ? 'no_stream' : revision,
      advance: (by) => {
        this.revisions[i] = revision + by;
      },
    };
  }
}

type Appender = Pick<EventStore, 'appendToStream'>;

export interface WriteSizes {
  /** How long each measurement of a round runs, in milliseconds (rates do not depend on it). */
  ms: number;
  /** Rows per COPY. */
  copy: number;
}

/** Runs `step` (worth `perStep` rows or events) over and over, from `parallel` callers, for `ms`: answers the rate. */
export async function timed(
  ms: number,
  perStep: number,
  step: (caller: number) => Promise<unknown>,
  parallel = 1,
): Promise<number> {
  const start = process.hrtime.bigint();
  const deadline = Date.now() + ms;
  let steps = 0;
  await Promise.all(
    Array.from({ length: parallel }, async (_, caller) => {
      while (Date.now() < deadline) {
        await step(caller);
        steps++;
      }
    }),
  );
  return (steps * perStep * 1e9) / Number(process.hrtime.bigint() - start);
}

export type WriteComparison = Record<
  | 'rawSingle'
  | 'storeSingle'
  | 'unhashedSingle'
  | 'rawSingle8'
  | 'storeSingle8'
  | 'rawUnnest100'
  | 'rawUnnest100Indexed'
  | 'storeBatch100'
  | 'unhashedBatch100'
  | 'rawCopy',
  Spread
>;

export async function compareWrites(
  pool: Pool,
  rows: RowSource,
  events: EventSource,
  store: Appender,
  unhashed: Appender,
  sizes: WriteSizes,
  runs: number,
  log: (line: string) => void,
): Promise<WriteComparison> {
  await createRawTables(pool);
  const tag = randomUUID().slice(0, 8);
  const singles = { store: new Streams(`s-${tag}`, 1000), unhashed: new Streams(`u-${tag}`, 1000) };
  const writers = Array.from({ length: 8 }, (_, w) => new Streams(`w${w}-${tag}`, 200));
  const batched = { store: new Streams(`b-${tag}`, 100), unhashed: new Streams(`ub-${tag}`, 100) };

  const appendOne = (appender: Appender, streams: Streams) => async () => {
    const s = streams.next();
    await appender.appendToStream(s.streamId, [events.next()], s.expected);
    s.advance(1);
  };
  const appendBatch = (appender: Appender, streams: Streams) => async () => {
    const s = streams.next();
    await appender.appendToStream(s.streamId, events.take(100), s.expected);
    s.advance(100);
  };
  const insertOne = () => pool.query(INSERT_ONE, rowValues(rows.next()));
  const unnest = (table: string) => () => pool.query(insertUnnest(table), columns(rows.take(100)));
  const measurements: [keyof WriteComparison, () => Promise<number>][] = [
    ['rawSingle', () => timed(sizes.ms, 1, insertOne)],
    ['storeSingle', () => timed(sizes.ms, 1, appendOne(store, singles.store))],
    ['unhashedSingle', () => timed(sizes.ms, 1, appendOne(unhashed, singles.unhashed))],
    ['rawSingle8', () => timed(sizes.ms, 1, insertOne, 8)],
    [
      'storeSingle8',
      () => {
        // Each of the 8 callers appends to streams of its own, as 8 clerks paying different people.
        const mine = writers.map((streams) => appendOne(store, streams));
        return timed(sizes.ms, 1, (caller) => mine[caller](), 8);
      },
    ],
    ['rawUnnest100', () => timed(sizes.ms, 100, unnest('raw_events'))],
    ['rawUnnest100Indexed', () => timed(sizes.ms, 100, unnest('raw_events_indexed'))],
    ['storeBatch100', () => timed(sizes.ms, 100, appendBatch(store, batched.store))],
    ['unhashedBatch100', () => timed(sizes.ms, 100, appendBatch(unhashed, batched.unhashed))],
    [
      'rawCopy',
      async () => {
        const batch = rows.take(sizes.copy);
        const recordedAt = new Date().toISOString();
        const client = await pool.connect();
        try {
          return await ratePerSecond(sizes.copy, async () => {
            const sink = client.query(copyFrom(`copy raw_events (${COLUMNS}) from stdin`));
            await pipeline(
              Readable.from(
                (function* () {
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
      },
    ],
  ];
  const values = Object.fromEntries(measurements.map(([k]) => [k, [] as number[]])) as Record<
    keyof WriteComparison,
    number[]
  >;
  for (let run = -1; run < runs; run++) {
    log(run < 0 ? 'writes: warm-up round' : `writes: round ${run + 1} of ${runs} (raw and event store alternately)`);
    for (const [key, measure] of measurements) {
      const rate = await measure();
      if (run >= 0) values[key].push(rate);
    }
  }
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, spread(v)])) as WriteComparison;
}

export interface ReadComparison {
  rawReadAll: Spread;
  storeReadAll: Spread;
}

/** Keyset reads of the bare table and whole-log reads through the port, alternately, the same number of rows. */
export async function compareReads(
  pool: Pool,
  rows: RowSource,
  store: EventStore,
  logEvents: number,
  runs: number,
  log: (line: string) => void,
): Promise<ReadComparison> {
  // At least as many rows as the log has events: copies of the rows already there, made server-side.
  if ((await pool.query('select 1 from raw_events limit 1')).rows.length === 0) {
    await pool.query(insertUnnest('raw_events'), columns(rows.take(100)));
  }
  for (;;) {
    const { rows: count } = await pool.query<{ n: string }>('select count(*) as n from raw_events');
    const missing = logEvents - Number(count[0].n);
    if (missing <= 0) break;
    await pool.query(
      `insert into raw_events (${COLUMNS}) select stream_id, stream_revision, gen_random_uuid(), event_type, data, metadata, recorded_at
         from raw_events limit $1`,
      [missing],
    );
  }
  await pool.query('vacuum analyze raw_events');
  const raw = () =>
    ratePerSecond(logEvents, async () => {
      let after = 0;
      let read = 0;
      while (read < logEvents) {
        const { rows: page } = await pool.query<{ id: string }>(
          `select id, ${COLUMNS} from raw_events where id > $1 order by id limit $2`,
          [after, Math.min(1000, logEvents - read)],
        );
        if (page.length === 0) break;
        read += page.length;
        after = Number(page[page.length - 1].id);
      }
    });
  const viaStore = () =>
    ratePerSecond(logEvents, async () => {
      let after = START_OF_LOG;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 1000 });
        if (page.length === 0) break;
        after = page[page.length - 1].logPosition;
      }
    });
  const rawRates: number[] = [];
  const storeRates: number[] = [];
  for (let run = -1; run < runs; run++) {
    log(run < 0 ? 'reads: warm-up round' : `reads: round ${run + 1} of ${runs} (${logEvents} rows, pages of 1,000)`);
    const r = await raw();
    const s = await viaStore();
    if (run >= 0) {
      rawRates.push(r);
      storeRates.push(s);
    }
  }
  return { rawReadAll: spread(rawRates), storeReadAll: spread(storeRates) };
}
