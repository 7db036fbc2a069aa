import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, PoolClient } from 'pg';
import { EventIdConflictError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  START_OF_LOG,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type FollowOptions,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type UnitOfWork,
  type VerifyResult,
} from '../event-store.port';

/** A client of the pool, or the pool itself: both answer queries. */
type Queryable = Pick<Pool, 'query'> | Pick<PoolClient, 'query'>;

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
  event_hash: string;
}

const COLUMNS =
  "global_position, transaction_id, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, encode(hash, 'hex') as event_hash";

/**
 * The visible head of THIS database's log: the lowest transaction id that may still add events here.
 * Every event below it is committed (and in this statement's snapshot) or rolled back, for good.
 *
 * `pg_snapshot_xmin(pg_current_snapshot())` alone would do, but it is the oldest transaction running in
 * the whole cluster: a roster import or a long transaction in another county's database held every
 * other database's followers and `minPosition` waits back. So the horizon is taken from the statement's
 * own snapshot (the one the scan reads with): its `xmax` (every id from there on is unfinished or not
 * yet handed out, and an id handed out later is at least that) or, lower, the lowest id the snapshot
 * lists as running, leaving out only the ids PROVEN to belong to a backend of another database.
 *
 * Why this is sound: a transaction's database never changes, so "this id is another database's" stays
 * true once seen, however stale. An id not yet seen as anyone's (a transaction that took its id after
 * `pg_stat_activity` was read, a prepared transaction with no backend, a role that may not see it)
 * counts as ours and holds the horizon back, as before. `pg_stat_activity` copies a backend's database
 * and reads its xid from the process slot in two steps, so a slot reused in between could pair another
 * database with our xid; the xid is therefore also matched to the pid holding its lock in `pg_locks`
 * (read under the lock table's own locks): the same pid on both sides is the same process. `backend_xid`
 * is 32-bit; running ids span less than 2^31, so its low bits name one xid8 of the snapshot.
 */
const HORIZON = `(
  select coalesce(min(running.xid), pg_snapshot_xmax(pg_current_snapshot()))
    from pg_snapshot_xip(pg_current_snapshot()) as running(xid)
   where not exists (
     select 1
       from pg_stat_get_activity(null) a
       join pg_locks l on l.locktype = 'transactionid' and l.mode = 'ExclusiveLock' and l.granted and l.transactionid = a.backend_xid and l.pid = a.pid
      where a.backend_xid = running.xid::xid
        and a.datid <> (select oid from pg_database where datname = current_database())))`;

/** The oldest transaction the statement's snapshot sees running, in any database. */
const SNAPSHOT_XMIN = 'pg_snapshot_xmin(pg_current_snapshot())';

const AFTER = '(transaction_id, global_position) > ($1::xid8, $2::bigint)';

/**
 * The log after a position ($1, $2), at most $3 events; exported for the spec that reads its plan.
 * Always one row at least: `held_by_ended` on every row, the events' columns null when there are none.
 *
 * Events below the horizon are committed or rolled back: no running transaction can add more.
 * The horizon is never below the snapshot's xmin, so it only decides about visible rows at or above
 * xmin. When the statement's snapshot shows none after the position (`candidates`), every horizon
 * from xmin up gives the same answer and xmin is taken as is: a quiet poll, or one whose new events
 * all predate every running transaction, never reads `pg_stat_activity` or `pg_locks` (a function scan
 * of every backend and every lock, per poll per follower). Every part of one statement reads with the
 * same snapshot, so the check and the scan agree.
 *
 * `held_by_ended` says the horizon stopped at a transaction that has finished since the statement's
 * snapshot was taken: one that ended (or, in another database, started and ended) while the statement
 * ran could not be proven another database's, so it counted as ours. The snapshot cannot see past it,
 * but a new statement can: `readAll` asks again at once instead of leaving the events for the next
 * poll (the follower's idle wait). Only asked when the horizon was read (the expensive branch).
 */
export const READ_ALL = `
  with candidates as materialized (
    select exists (select 1 from events where ${AFTER} and transaction_id >= ${SNAPSHOT_XMIN}) as above_xmin
  ), horizon as materialized (
    select case when c.above_xmin then ${HORIZON} else ${SNAPSHOT_XMIN} end as xid, c.above_xmin from candidates c
  )
  select e.*, (h.above_xmin and h.xid < pg_snapshot_xmax(pg_current_snapshot())
               and coalesce(pg_xact_status(h.xid), 'committed') <> 'in progress') as held_by_ended
    from horizon h
    left join lateral (
      select ${COLUMNS} from events where ${AFTER} and transaction_id < h.xid
       order by transaction_id, global_position limit $3
    ) e on true`;

/** How many times a read asks again when a transaction that held it back has just finished. */
const READ_AGAIN = 2;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: Number(row.stream_revision),
    position: Number(row.global_position),
    logPosition: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    recordedAt: row.recorded_at,
    eventHash: row.event_hash,
  };
}

/** SQL for an expected revision, as `append_to_stream` takes it. */
function expectedToSql(expected: ExpectedRevision): number {
  if (expected === 'no_stream') return -1;
  if (expected === 'any') return -2;
  return expected;
}

/** xid8 has no negative values; the start of the log is before transaction 0. */
function commitToSql(p: LogPosition): string {
  return (p.commit < 0n ? 0n : p.commit).toString();
}

type AppendedRow = { global_position: string; transaction_id: string; stream_revision: string };

/** The events table's columns an append writes, in the order the append statements give them. */
const INSERT_EVENT = `insert into events (stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)`;

/**
 * One event appended at the revision its caller read, as one SQL statement: the common case of
 * `append_to_stream` (`append-compare-and-set.migration.ts`), which stays the whole definition. The
 * stream's head moves by compare-and-set, its new hash computed from the head it replaces (after a
 * concurrent writer's commit PostgreSQL re-checks `revision = $2` on the newest row, so the chain
 * cannot fork), and the event is inserted only if the head moved. When it writes nothing (another writer
 * was first, a retry, a stream that is not where the caller thinks) the caller asks `append_to_stream`,
 * which answers the retry or the conflict. Run as a plain statement it skips what a PL/pgSQL call
 * costs per append (the call, a function scan, one executor start per inner statement): measured in
 * BENCHMARKS.md, "The append, measured".
 */
const APPEND_ONE_AT_REVISION = `
  with head as (
    update streams s set revision = $2 + 1,
           head_hash = event_hash(s.head_hash, $1, $2 + 1, $3, $4, $5, $6, statement_timestamp())
     where s.stream_id = $1 and s.revision = $2
    returning s.head_hash
  )
  ${INSERT_EVENT}
  select $1, $2 + 1, $3, $4, $5, $6, statement_timestamp(), head.head_hash from head
  returning global_position, transaction_id, stream_revision`;

/** The same for the first event of a new stream: the head row is created, unless another writer did. */
const APPEND_ONE_TO_NEW_STREAM = `
  with head as (
    insert into streams (stream_id, revision, head_hash)
    values ($1, $2::bigint + 1, event_hash('\\x'::bytea, $1, $2::bigint + 1, $3, $4, $5, $6, statement_timestamp()))
    on conflict (stream_id) do nothing
    returning head_hash
  )
  ${INSERT_EVENT}
  select $1, $2::bigint + 1, $3, $4, $5, $6, statement_timestamp(), head.head_hash from head
  returning global_position, transaction_id, stream_revision`;

/** A JSON array parameter as the `jsonb[]` of its elements, in order. */
const elementsOf = (param: string) =>
  `array(select v from jsonb_array_elements(${param}::jsonb) with ordinality as t(v, i) order by i)`;

async function readStreamFrom(
  db: Queryable,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
  // Named: every command reads its stream, and each connection then parses and plans this once.
  const { rows } = await db.query<EventRow>({
    name: backwards ? 'ledger_read_stream_backwards' : 'ledger_read_stream',
    text: `select ${COLUMNS} from events where stream_id = $1 and stream_revision ${backwards ? '<=' : '>='} $2
      order by stream_revision ${backwards ? 'desc' : 'asc'} limit $3`,
    values: [streamId, from, options.maxCount ?? null],
  });
  return rows.map(toRecorded);
}

/** The event store on PostgreSQL: schema in `event-store.migrations.ts`. */
export class PostgresEventStore implements EventStore {
  constructor(private readonly pool: Pool) {}

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    try {
      const last =
        (await this.appendOne(streamId, events, expectedRevision)) ??
        (await this.append(streamId, events, expectedRevision));
      return {
        nextExpectedRevision: Number(last.stream_revision),
        position: Number(last.global_position),
        logPosition: { commit: BigInt(last.transaction_id), prepare: BigInt(last.global_position) },
      };
    } catch (error) {
      throw this.translate(error, streamId, expectedRevision);
    }
  }

  /**
   * A single event at a known revision (or to a new stream), in one statement; undefined when that
   * wrote nothing and `append_to_stream` must decide. Named statements: each connection parses them once.
   */
  private async appendOne(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendedRow | undefined> {
    if (events.length !== 1 || expected === 'any') return undefined;
    const [event] = events;
    const { rows } = await this.pool.query<AppendedRow>({
      name: expected === 'no_stream' ? 'ledger_append_one_to_new_stream' : 'ledger_append_one_at_revision',
      text: expected === 'no_stream' ? APPEND_ONE_TO_NEW_STREAM : APPEND_ONE_AT_REVISION,
      values: [
        streamId,
        expectedToSql(expected),
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ],
    });
    return rows[0];
  }

  /**
   * Any batch through `append_to_stream`: one round trip, a named statement (its plan, a function scan,
   * does not depend on the data), and only the batch's last row comes back, all the result needs. The
   * payloads travel as one JSON array each, split on the server: as `jsonb[]` parameters the client
   * would escape every JSON text into an array literal and the server parse that literal back, which
   * cost more than the split (BENCHMARKS.md, "The append, measured").
   */
  private async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendedRow> {
    const { rows } = await this.pool.query<AppendedRow>({
      name: 'ledger_append_to_stream',
      text: `select global_position, transaction_id, stream_revision
               from append_to_stream($1, $2, $3::uuid[], $4::text[], ${elementsOf('$5')}, ${elementsOf('$6')})
              order by stream_revision desc limit 1`,
      values: [
        streamId,
        expectedToSql(expected),
        events.map((e) => e.id),
        events.map((e) => e.type),
        JSON.stringify(events.map((e) => e.data)),
        JSON.stringify(events.map((e) => e.metadata)),
      ],
    });
    return rows[0];
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return readStreamFrom(this.pool, streamId, options);
  }

  async inUnitOfWork<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection whose rollback failed is in an unknown state: it is closed, not reused.
    let unusable: Error | undefined;
    try {
      await client.query('begin');
      const unit: UnitOfWork = {
        atomic: true,
        appendToStreams: (appends) => this.appendToStreamsOn(client, appends),
        readStream: (streamId, options) => readStreamFrom(client, streamId, options),
      };
      let result: T;
      try {
        result = await work(unit);
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => (unusable = rollbackError));
        throw error;
      }
      await client.query('commit');
      return result;
    } finally {
      client.release(unusable);
    }
  }

  /**
   * One statement for many streams (`append_to_streams`): the batch as one JSON document, each
   * stream's last row back. A conflict appends nothing and leaves the transaction usable.
   */
  private async appendToStreamsOn(client: PoolClient, appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    const streams = new Set(appends.map((a) => a.streamId));
    if (streams.size < appends.length) throw new Error('appendToStreams takes each stream at most once');
    for (const a of appends) {
      if (a.events.length === 0) throw new Error(`appendToStreams needs at least one event for ${a.streamId}`);
    }
    const document = JSON.stringify(
      appends.map((a) => ({ stream: a.streamId, expected: expectedToSql(a.expectedRevision), events: a.events })),
    );
    let rows: {
      stream_id: string;
      global_position: string | null;
      transaction_id: string | null;
      stream_revision: string;
      outcome: string;
    }[];
    try {
      ({ rows } = await client.query({
        name: 'ledger_append_to_streams',
        text: 'select stream_id, global_position, transaction_id, stream_revision, outcome from append_to_streams($1::jsonb)',
        values: [document],
      }));
    } catch (error) {
      throw this.translate(error, appends[0].streamId, appends[0].expectedRevision);
    }
    const conflict = rows.find((r) => r.outcome === 'conflict');
    if (conflict) {
      const expected = appends.find((a) => a.streamId === conflict.stream_id)!.expectedRevision;
      const actual = Number(conflict.stream_revision);
      throw new WrongExpectedRevisionError(conflict.stream_id, String(expected), actual < 0 ? 'no_stream' : actual);
    }
    const byStream = new Map(rows.map((r) => [r.stream_id, r]));
    return appends.map((a) => {
      const last = byStream.get(a.streamId)!;
      return {
        nextExpectedRevision: Number(last.stream_revision),
        position: Number(last.global_position),
        logPosition: { commit: BigInt(last.transaction_id!), prepare: BigInt(last.global_position!) },
      };
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START_OF_LOG;
    const maxCount = options.maxCount ?? 1000;
    for (let again = 0; ; again++) {
      const { rows } = await this.pool.query<EventRow & { held_by_ended: boolean }>({
        name: 'ledger_read_all',
        text: READ_ALL,
        values: [commitToSql(after), after.prepare.toString(), maxCount],
      });
      const events = rows.filter((r) => r.event_id !== null);
      if (!rows[0]?.held_by_ended || events.length >= maxCount || again >= READ_AGAIN) return events.map(toRecorded);
    }
  }

  async *follow(options: FollowOptions = {}): AsyncIterable<RecordedEvent[]> {
    let after = options.after ?? START_OF_LOG;
    const idleMs = options.idleMs ?? 100;
    while (!options.signal?.aborted) {
      const batch = await this.readAll({ after, maxCount: options.batchSize ?? 1000 });
      if (batch.length === 0) {
        await sleep(idleMs, undefined, { signal: options.signal }).catch(() => undefined);
        continue;
      }
      after = batch[batch.length - 1].logPosition;
      yield batch;
    }
  }

  async logPositionOf(position: number): Promise<LogPosition | undefined> {
    const { rows } = await this.pool.query<{ transaction_id: string }>(
      'select transaction_id from events where global_position = $1',
      [position],
    );
    return rows[0] ? { commit: BigInt(rows[0].transaction_id), prepare: BigInt(position) } : undefined;
  }

  async head(): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      // Every committed event, readable or not yet: a read stops short of a transaction still open,
      // and a caller waiting for "everything so far" must not take that stop for the end.
      'select transaction_id, global_position from events order by transaction_id desc, global_position desc limit 1',
    );
    return rows[0]
      ? { commit: BigInt(rows[0].transaction_id), prepare: BigInt(rows[0].global_position) }
      : START_OF_LOG;
  }

  async verify(): Promise<VerifyResult> {
    const { rows } = await this.pool.query<{ events_checked: string; first_broken_position: string | null }>(
      'select events_checked, first_broken_position from verify_event_chains()',
    );
    const broken = rows[0].first_broken_position;
    return {
      ok: broken === null,
      eventsChecked: Number(rows[0].events_checked),
      ...(broken === null ? {} : { firstBrokenPosition: Number(broken) }),
    };
  }

  async close(): Promise<void> {
    // The pool belongs to whoever created it.
  }

  private translate(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
    const pgError = error as { code?: string; detail?: string; message?: string };
    if (pgError.code === 'LE002') {
      const actual = Number(pgError.detail);
      return new WrongExpectedRevisionError(streamId, String(expected), actual < 0 ? 'no_stream' : actual);
    }
    if (pgError.code === 'LE003') return new EventIdConflictError(streamId, pgError.message ?? 'event id reused');
    // Two appenders creating a stream at once, or both inserting the same revision.
    if (pgError.code === '23505') return new WrongExpectedRevisionError(streamId, String(expected), 'no_stream');
    return error;
  }
}
