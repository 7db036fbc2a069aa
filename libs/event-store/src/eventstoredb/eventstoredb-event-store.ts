import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  isCommandError,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type StreamingRead,
} from '@eventstore/db-client';
import { EventIdConflictError, WrongExpectedRevisionError } from '../event-store.errors';
import { canonicalJson } from '../canonical-json';
import {
  START_OF_LOG,
  compareLogPositions,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type FollowOptions,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type UnitOfWork,
  type VerifyResult,
} from '../event-store.port';
import { streamByStreamUnit } from '../stream-by-stream';

/**
 * The metadata field that carries an event's link in its stream's hash chain. Reserved: a caller's own
 * `chainHash` is dropped on append, and the field is stripped from every event handed back.
 */
const CHAIN_HASH = 'chainHash';

/** The fields of an ESDB recorded event this adapter uses (both stream and `$all` reads have them). */
interface EsdbEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: Position;
}

/** ESDB answers `Position.End` (2^64 - 1) where it has no position, e.g. stream reads before 22.6. */
const NO_POSITION = 2n ** 64n - 1n;

/** Raw `$all` events read per request while looking for ledger events among system ones. */
const MIN_PAGE = 256;
const MAX_PAGE = 4096;

/** How often an append with `any` is retried when a concurrent writer moves the stream under it. */
const MAX_ANY_ATTEMPTS = 20;

/**
 * The event store on EventStoreDB (22.6 or later: stream reads must report positions), through the
 * official gRPC client.
 *
 * Log positions. `logPosition` is ESDB's own `$all` position {commit, prepare}, taken verbatim from
 * the stored event (an AppendResult's too: it is read back, not taken from the append response), so a
 * follower's checkpoint compares correctly with `compareLogPositions` against any event or append
 * result. Events appended over gRPC are implicit transactions, for which ESDB reports
 * commit === prepare === the event's byte offset in the transaction log; so `position` =
 * Number(commit) is unique per event and grows in log order (with gaps: it is an offset, not a count,
 * and it differs from the PostgreSQL adapter's numbers; exact below 2^53 bytes, 9 PB).
 * `logPositionOf(p)` does not synthesise {p, p}: it reads `$all` at {p, 0} (forward reads are
 * inclusive) and answers the stored pair only if an event of ours starts there, so a number that is
 * not an event's position answers undefined rather than a checkpoint that matches nothing.
 *
 * Idempotency. ESDB deduplicates a re-sent event id only "in quick succession" and only against the
 * same expected revision (KurrentDB #1898, #1949, #2274): a retry much later, or naming another
 * revision, would be appended a second time. So this adapter looks for the batch's ids itself, in the
 * stream it reads before every append, and again in the stream after a WrongExpectedVersion (the
 * winner may have been a concurrent retry of the same batch). Checking only after a
 * WrongExpectedVersion would not do: a retry naming the stream's current revision matches and would
 * store the ids twice.
 *
 * Tamper evidence. ESDB cannot edit an event, but a log can still be rewritten wholesale (restored
 * from a doctored backup, copied by a tool). Each event's metadata carries `chainHash` = sha256 hex of
 * (the previous event's chainHash in its stream, '' for the first) + a canonical serialisation of
 * [streamId, revision, id, type, data, metadata without chainHash]; `verify()` recomputes every chain.
 * The hash needs the previous hash, so every append first reads the stream (the whole of it, which
 * the id check above needs anyway): one extra read per append, plus one more after it to read back
 * the stored positions (three round trips in all, where the PostgreSQL adapter needs one). Every
 * append names the exact revision it hashed against, even for `any`, so that two writers cannot
 * interleave and break a chain.
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(private readonly client: EventStoreDBClient) {}

  /** A store that owns a client for this connection string (`esdb://…`); `close()` disposes it. */
  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const ids = events.map((e) => e.id.toLowerCase());
    if (new Set(ids).size !== ids.length) throw new EventIdConflictError(streamId, 'the batch repeats an event id');

    for (let attempt = 1; ; attempt++) {
      // The whole stream, from the leader: its last event is what the new events are hashed against,
      // and its ids tell a retry from a new batch (see the class comment).
      const existing = await this.readStreamRaw(streamId, { requiresLeader: true });
      const stored = storedResult(streamId, existing, ids);
      if (stored) return stored;
      const last = existing[existing.length - 1];
      const head = last ? { revision: Number(last.revision), chainHash: chainHashOf(last) } : undefined;
      const matches =
        expectedRevision === 'any' ||
        (expectedRevision === 'no_stream' ? head === undefined : head?.revision === expectedRevision);
      if (!matches)
        throw new WrongExpectedRevisionError(streamId, String(expectedRevision), head ? head.revision : 'no_stream');

      let previousHash = head?.chainHash ?? '';
      const firstRevision = head ? head.revision + 1 : 0;
      const proposed = events.map((event, i) => {
        const metadata = withoutChainHash(event.metadata);
        previousHash = chainHash(previousHash, streamId, firstRevision + i, event, metadata);
        return jsonEvent({
          id: event.id,
          type: event.type,
          data: event.data as JSONType,
          metadata: { ...metadata, [CHAIN_HASH]: previousHash },
        });
      });
      // Always the exact revision that was hashed against, never ANY (see the class comment).
      const expected: AppendExpectedRevision = head ? BigInt(head.revision) : NO_STREAM;
      try {
        const result = await this.client.appendToStream(streamId, proposed, { expectedRevision: expected });
        return await this.readBack(streamId, ids, result.nextExpectedRevision);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Someone wrote between our read and our append. With `any` that is no concern of the caller's:
        // read the new head and hash again. Otherwise the writer may have been a concurrent retry of
        // this very batch, which must succeed with the stored result; anything else is a lost race.
        if (expectedRevision === 'any' && attempt < MAX_ANY_ATTEMPTS) continue;
        const retried = await this.findStored(streamId, ids);
        if (retried) return retried;
        const current = error.actualVersion === 'no_stream' ? 'no_stream' : Number(error.actualVersion);
        throw new WrongExpectedRevisionError(streamId, String(expectedRevision), current);
      }
    }
  }

  /**
   * EventStoreDB has no transaction spanning streams: the unit appends stream by stream, each
   * append on its own (`atomic` is false), and a failed unit leaves what it appended.
   */
  inUnitOfWork<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return work(streamByStreamUnit(this));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    if (backwards && from !== undefined && from < 0) return [];
    const events = await this.readStreamRaw(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from === undefined ? (backwards ? END : START) : BigInt(Math.max(0, from)),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    return events.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { events } = await this.scanAll(options.after ?? START_OF_LOG, options.maxCount ?? 1000);
    return events.map(toRecorded);
  }

  /**
   * Polls `$all` like the PostgreSQL adapter rather than using `subscribeToAll`: the same cursor, the
   * same exactly-once-in-order argument, and the AbortSignal is honoured between polls. A catch-up
   * subscription would deliver sooner, but the Node client neither resubscribes after a dropped
   * connection nor reports a stalled one (KurrentDB #1392, #2629), and the catch-up/live hand-over
   * would have to be deduplicated by hand. The cursor moves past system events as well, so an idle
   * poll does not re-read them.
   */
  async *follow(options: FollowOptions = {}): AsyncIterable<RecordedEvent[]> {
    let cursor = options.after ?? START_OF_LOG;
    const idleMs = options.idleMs ?? 100;
    const batchSize = options.batchSize ?? 1000;
    while (!options.signal?.aborted) {
      const { events, scannedTo } = await this.scanAll(cursor, batchSize);
      cursor = scannedTo;
      if (events.length === 0) {
        await sleep(idleMs, undefined, { signal: options.signal }).catch(() => undefined);
        continue;
      }
      if (options.signal?.aborted) return;
      yield events.map(toRecorded);
    }
  }

  async logPositionOf(position: number): Promise<LogPosition | undefined> {
    if (!Number.isSafeInteger(position) || position < 0) return undefined;
    const commit = BigInt(position);
    let found: AllStreamRecordedEvent | undefined;
    try {
      const page = await drain(this.client.readAll({ fromPosition: { commit, prepare: 0n }, maxCount: 1 }));
      found = page[0]?.event;
    } catch (error) {
      // A number that is not a record boundary can be refused by the server: it names no event.
      if (isTransient(error)) throw error;
      return undefined;
    }
    return found && found.position.commit === commit && !isSystemEvent(found)
      ? toLogPosition(found.position)
      : undefined;
  }

  async head(): Promise<LogPosition> {
    let from: ReadPosition = END;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await drain(
        this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: MIN_PAGE }),
      );
      for (const { event } of page) if (event && !isSystemEvent(event)) return toLogPosition(event.position);
      const last = page[page.length - 1]?.event;
      // Backward reads are exclusive of their position: the next page starts just before `last`.
      if (page.length < MIN_PAGE || !last) return START_OF_LOG;
      from = last.position;
    }
  }

  async verify(): Promise<VerifyResult> {
    const heads = new Map<string, { revision: number; hash: string }>();
    let eventsChecked = 0;
    let firstBroken: number | undefined;
    let cursor = START_OF_LOG;
    for (;;) {
      const { events, scannedTo, reachedEnd } = await this.scanAll(cursor, MAX_PAGE);
      for (const event of events) {
        const previous = heads.get(event.streamId);
        const revision = Number(event.revision);
        const metadata = asObject(event.metadata);
        const stored = typeof metadata[CHAIN_HASH] === 'string' ? metadata[CHAIN_HASH] : undefined;
        const recomputed = chainHash(previous?.hash ?? '', event.streamId, revision, event, withoutChainHash(metadata));
        const intact = event.isJson && stored === recomputed && revision === (previous ? previous.revision + 1 : 0);
        if (!intact) {
          const position = Number(positionOf(event).commit);
          firstBroken = firstBroken === undefined ? position : Math.min(firstBroken, position);
        }
        // Like the PostgreSQL adapter, the chain continues from the stored hash, so one altered event
        // is reported by itself rather than breaking everything after it.
        heads.set(event.streamId, { revision, hash: stored ?? '' });
        eventsChecked++;
      }
      cursor = scannedTo;
      if (reachedEnd) break;
    }
    return {
      ok: firstBroken === undefined,
      eventsChecked,
      ...(firstBroken === undefined ? {} : { firstBrokenPosition: firstBroken }),
    };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /**
   * The result of an append that ESDB accepted, from the stored event at the revision it reported.
   * If that event is not the batch's last one (ESDB answered a concurrent copy of this batch as an
   * idempotent write) the stream is searched for the batch instead.
   */
  private async readBack(streamId: string, ids: readonly string[], revision: bigint): Promise<AppendResult> {
    const [last] = await this.readStreamRaw(streamId, { fromRevision: revision, maxCount: 1, requiresLeader: true });
    if (last && last.id.toLowerCase() === ids[ids.length - 1]) return resultOf(last);
    const stored = await this.findStored(streamId, ids);
    if (stored) return stored;
    throw new Error(`EventStoreDB accepted an append to ${streamId} but its events cannot be read back`);
  }

  /** The original result if the batch is already stored in the stream (see {@link storedResult}). */
  private async findStored(streamId: string, ids: readonly string[]): Promise<AppendResult | undefined> {
    return storedResult(streamId, await this.readStreamRaw(streamId, { requiresLeader: true }), ids);
  }

  /** Reads one stream; a stream that does not exist reads as empty. */
  private async readStreamRaw(streamId: string, options: EsdbReadStreamOptions): Promise<EsdbEvent[]> {
    try {
      const resolved = await drain(this.client.readStream(streamId, options));
      return resolved.flatMap((r) => (r.event ? [r.event] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /**
   * Up to `max` ledger events strictly after `after`, skipping system events. `scannedTo` is the last
   * position examined (system events included) below which nothing of ours remains unread, for a
   * follower's next poll; `reachedEnd` says the end of the log was reached.
   */
  private async scanAll(
    after: LogPosition,
    max: number,
  ): Promise<{ events: AllStreamRecordedEvent[]; scannedTo: LogPosition; reachedEnd: boolean }> {
    const events: AllStreamRecordedEvent[] = [];
    let scannedTo = after;
    for (;;) {
      const pageSize = Math.min(Math.max(max - events.length, MIN_PAGE), MAX_PAGE);
      // Forward reads from a position include the event at that position: it is skipped below.
      const page = await drain(this.client.readAll({ fromPosition: toReadPosition(scannedTo), maxCount: pageSize }));
      for (const { event } of page) {
        if (!event || compareLogPositions(toLogPosition(event.position), scannedTo) <= 0) continue;
        // Once the batch is full, stop advancing: what follows is left for the next call.
        if (events.length >= max) return { events, scannedTo, reachedEnd: false };
        scannedTo = toLogPosition(event.position);
        if (!isSystemEvent(event)) events.push(event);
      }
      if (page.length < pageSize) return { events, scannedTo, reachedEnd: true };
      if (events.length >= max) return { events, scannedTo, reachedEnd: false };
    }
  }
}

async function drain<T>(read: StreamingRead<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

/** Events ESDB writes for itself: `$`-typed (stats, links, metadata) or in `$` streams. */
function isSystemEvent(event: Pick<EsdbEvent, 'type' | 'streamId'>): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** Connection-level failures, which must not be mistaken for "no such position". */
function isTransient(error: unknown): boolean {
  if (!(error instanceof Error) || !isCommandError(error)) return true;
  return [
    ErrorType.UNAVAILABLE,
    ErrorType.DEADLINE_EXCEEDED,
    ErrorType.TIMEOUT,
    ErrorType.CANCELLED,
    ErrorType.NOT_LEADER,
    ErrorType.ACCESS_DENIED,
  ].includes(error.type);
}

function toReadPosition(p: LogPosition): ReadPosition {
  if (p.commit < 0n) return START;
  return { commit: p.commit, prepare: p.prepare < 0n ? 0n : p.prepare };
}

function toLogPosition(p: Position): LogPosition {
  return { commit: p.commit, prepare: p.prepare };
}

function positionOf(event: EsdbEvent): Position {
  const p = event.position;
  if (!p || p.commit === NO_POSITION || p.prepare === NO_POSITION)
    throw new Error(
      `EventStoreDB did not report the position of ${event.streamId}@${event.revision}: version 22.6 or later is required`,
    );
  return p;
}

function resultOf(event: EsdbEvent): AppendResult {
  const p = positionOf(event);
  return { nextExpectedRevision: Number(event.revision), position: Number(p.commit), logPosition: toLogPosition(p) };
}

/**
 * The original result if every id of the batch is stored in the stream (a retry), undefined if none
 * is; a batch only partly stored is not a retry of one append and is refused.
 */
function storedResult(
  streamId: string,
  stream: readonly EsdbEvent[],
  ids: readonly string[],
): AppendResult | undefined {
  const wanted = new Set(ids);
  const found = stream.filter((e) => wanted.has(e.id.toLowerCase()));
  if (found.length === 0) return undefined;
  if (found.length < ids.length)
    throw new EventIdConflictError(
      streamId,
      `${found.length} of the ${ids.length} event ids of this batch are already stored in the stream`,
    );
  return resultOf(found[found.length - 1]);
}

function chainHashOf(event: EsdbEvent): string {
  const stored = asObject(event.metadata)[CHAIN_HASH];
  return typeof stored === 'string' ? stored : '';
}

function toRecorded(event: EsdbEvent): RecordedEvent {
  const p = positionOf(event);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: withoutChainHash(asObject(event.metadata)),
    streamId: event.streamId,
    revision: Number(event.revision),
    position: Number(p.commit),
    logPosition: toLogPosition(p),
    recordedAt: event.created,
    ...(chainHashOf(event) ? { eventHash: chainHashOf(event) } : {}),
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as Record<string, unknown>)
    : {};
}

function withoutChainHash(metadata: EventMetadata | Record<string, unknown>): EventMetadata {
  const { [CHAIN_HASH]: _chainHash, ...rest } = metadata;
  return rest;
}

/**
 * sha256 hex of the previous hash and the event's canonical content. The content is normalised
 * through JSON first, since that is what ESDB stores and returns (undefined fields vanish, dates
 * become strings), then serialised with object keys sorted at every depth.
 */
function chainHash(
  previous: string,
  streamId: string,
  revision: number,
  event: Pick<NewEvent, 'id' | 'type' | 'data'>,
  metadataWithoutChainHash: EventMetadata,
): string {
  const content = canonicalJson([
    streamId,
    revision,
    event.id.toLowerCase(),
    event.type,
    viaJson(event.data),
    viaJson(metadataWithoutChainHash),
  ]);
  return createHash('sha256').update(previous).update(content).digest('hex');
}

function viaJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}
