import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { START_OF_LOG, type EventStore, type NewEvent } from '@ledger/event-store';
import { eventStoreMigration } from '@ledger/event-store/postgres/event-store.migration';
import { Random } from '@ledger/ledger/demo/random';
import { msSince, ratePerSecond, repeat, type Spread } from '../stats';

export interface StoreSizes {
  single: number;
  single8: number;
  batches: number;
  readStreams: number;
}

export interface StoreWriteResults {
  single: Spread;
  single8: Spread;
  batch100: Spread;
}

export interface StoreReadResults {
  readAll: Spread;
  /** Events per second read by `readStream`, and streams per second. */
  readStream: Spread;
  readStreamStreams: Spread;
  meanStreamLength: number;
}

/** Events of the shape the ledger writes, cycling through real payloads. */
export class EventSource {
  private n = 0;
  constructor(
    private readonly templates: readonly { type: string; data: unknown; metadata: Record<string, unknown> }[],
  ) {}

  next(): NewEvent {
    const t = this.templates[this.n++ % this.templates.length];
    return { id: randomUUID(), type: t.type, data: t.data, metadata: t.metadata };
  }

  take(count: number): NewEvent[] {
    return Array.from({ length: count }, () => this.next());
  }
}

/** Streams written round-robin, each appended to at its known revision (as a command would). */
class Streams {
  private readonly revisions: number[];
  private n = 0;
  constructor(
    private readonly prefix: string,
    count: number,
  ) {
    this.revisions = Array.from({ length: count }, () => -1);
  }

  /** The next stream and its expected revision; `advance` records what was appended. */
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

export async function measureStoreWrites(
  store: Pick<EventStore, 'appendToStream'>,
  events: EventSource,
  sizes: StoreSizes,
  runs: number,
  label: string,
  log: (line: string) => void,
): Promise<StoreWriteResults> {
  const tag = randomUUID().slice(0, 8);
  log(`${label}: single-event appends, ${sizes.single} × ${runs}`);
  const singles = new Streams(`bench-${tag}-single`, 1000);
  const single = await repeat(
    runs,
    () =>
      ratePerSecond(sizes.single, async () => {
        for (let i = 0; i < sizes.single; i++) {
          const s = singles.next();
          await store.appendToStream(s.streamId, [events.next()], s.expected);
          s.advance(1);
        }
      }),
    true,
  );

  log(`${label}: single-event appends, 8 writers, ${sizes.single8} × ${runs}`);
  const writers = Array.from({ length: 8 }, (_, w) => new Streams(`bench-${tag}-w${w}`, 200));
  const single8 = await repeat(runs, () =>
    ratePerSecond(sizes.single8, () =>
      Promise.all(
        writers.map(async (streams) => {
          for (let i = 0; i < sizes.single8 / 8; i++) {
            const s = streams.next();
            await store.appendToStream(s.streamId, [events.next()], s.expected);
            s.advance(1);
          }
        }),
      ),
    ),
  );

  log(`${label}: batched appends of 100 events, ${sizes.batches} × ${runs}`);
  const batched = new Streams(`bench-${tag}-batch`, 100);
  const batch100 = await repeat(
    runs,
    () => {
      const batches = Array.from({ length: sizes.batches }, () => events.take(100));
      return ratePerSecond(sizes.batches * 100, async () => {
        for (const batch of batches) {
          const s = batched.next();
          await store.appendToStream(s.streamId, batch, s.expected);
          s.advance(100);
        }
      });
    },
    true,
  );
  return { single, single8, batch100 };
}

export async function measureStoreReads(
  store: EventStore,
  logEvents: number,
  streamIds: readonly string[],
  sizes: StoreSizes,
  runs: number,
  log: (line: string) => void,
): Promise<StoreReadResults> {
  log(`event store: whole-log read (${logEvents} events in pages of 1,000) × ${runs}`);
  const readAll = await repeat(
    runs,
    () =>
      ratePerSecond(logEvents, async () => {
        let after = START_OF_LOG;
        for (;;) {
          const page = await store.readAll({ after, maxCount: 1000 });
          if (page.length === 0) break;
          after = page[page.length - 1].logPosition;
        }
      }),
    true,
  );

  log(`event store: per-stream reads of ${sizes.readStreams} random linkage streams × ${runs}`);
  const random = new Random(1, 'read-stream');
  let totalEvents = 0;
  let totalStreams = 0;
  const perStream: number[] = [];
  const readStream = await repeat(runs, async () => {
    const picks = Array.from({ length: sizes.readStreams }, () => random.pick(streamIds));
    let events = 0;
    const start = process.hrtime.bigint();
    for (const streamId of picks) events += (await store.readStream(streamId)).length;
    const ms = msSince(start);
    totalEvents += events;
    totalStreams += picks.length;
    perStream.push((picks.length * 1000) / ms);
    return (events * 1000) / ms;
  });
  return {
    readAll,
    readStream,
    readStreamStreams: {
      min: Math.min(...perStream),
      median: [...perStream].sort((a, b) => a - b)[Math.floor(perStream.length / 2)],
      max: Math.max(...perStream),
      runs: perStream.length,
    },
    meanStreamLength: totalEvents / Math.max(1, totalStreams),
  };
}

/**
 * The append function without the hash chain (every hash empty), installed beside the real one in
 * the scratch database: the difference between the two is what tamper evidence costs per event.
 */
export async function installUnhashedAppend(pool: Pool): Promise<void> {
  const sql = eventStoreMigration.up;
  const start = sql.indexOf('create function append_to_stream');
  const end = sql.indexOf('end $$;', start) + 'end $$;'.length;
  const fn = sql.slice(start, end);
  const variant = fn
    .replace('create function append_to_stream', 'create or replace function append_to_stream_unhashed')
    .replace(/v_hash := event_hash\([^;]*\);/, "v_hash := '\\x'::bytea;");
  if (!/v_hash := event_hash\(/.test(fn) || /v_hash := event_hash\(/.test(variant)) {
    throw new Error('could not derive the unhashed append variant from the migration');
  }
  await pool.query(variant);
}

/** A minimal event store over a variant append function, for the variant measurements. */
export function appendVia(pool: Pool, fn: string): Pick<EventStore, 'appendToStream'> {
  return {
    async appendToStream(streamId, events, expected) {
      const { rows } = await pool.query<{ global_position: string; transaction_id: string; stream_revision: string }>(
        `select global_position, transaction_id, stream_revision from ${fn}($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`,
        [
          streamId,
          expected === 'no_stream' ? -1 : expected === 'any' ? -2 : expected,
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      );
      const last = rows[rows.length - 1];
      return {
        nextExpectedRevision: Number(last.stream_revision),
        position: Number(last.global_position),
        logPosition: { commit: BigInt(last.transaction_id), prepare: BigInt(last.global_position) },
      };
    },
  };
}
