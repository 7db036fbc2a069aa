import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EventStore, NewEvent } from '@ledger/event-store';
import { appendCompareAndSetMigration } from '@ledger/event-store/postgres/append-compare-and-set.migration';
import { Random } from '../city/random';
import { msSince, repeat, type Spread } from '../stats';

export interface StoreReadResults {
  /** Events per second read by `readStream`, and streams per second. */
  readStream: Spread;
  readStreamStreams: Spread;
  meanStreamLength: number;
}

/** Up to 2,000 of the log's own events, spread evenly over it: payloads that weigh what events weigh. */
export async function sampleOfLog(
  pool: Pool,
): Promise<{ type: string; data: unknown; metadata: Record<string, unknown> }[]> {
  const { rows } = await pool.query<{ type: string; data: unknown; metadata: Record<string, unknown> }>(
    `select event_type as type, data, metadata from events
      where global_position % greatest(1, (select count(*) from events) / 2000) = 0 limit 2000`,
  );
  return rows;
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

export async function measureStoreReads(
  store: EventStore,
  streamIds: readonly string[],
  reads: number,
  runs: number,
  log: (line: string) => void,
): Promise<StoreReadResults> {
  log(`event store: per-stream reads of ${reads} random linkage streams × ${runs}`);
  const random = new Random(1, 'read-stream');
  let totalEvents = 0;
  let totalStreams = 0;
  const perStream: number[] = [];
  const readStream = await repeat(runs, async () => {
    const picks = Array.from({ length: reads }, () => random.pick(streamIds));
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
  const sql = appendCompareAndSetMigration.up;
  const start = sql.indexOf('create or replace function append_to_stream');
  const end = sql.indexOf('end $$;', start) + 'end $$;'.length;
  const fn = sql.slice(start, end);
  const variant = fn
    .replace('function append_to_stream', 'function append_to_stream_unhashed')
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
