/**
 * The event-store port: the only way the ledger writes or reads its log.
 * Two adapters implement it (PostgreSQL by default, EventStoreDB when configured) and both pass
 * the same contract suite (`testing/event-store.contract.ts`).
 */

/** Token under which Nest injects the configured {@link EventStore}. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * Who recorded an event and why. Every field is optional at the port so that infrastructure
 * events (e.g. tests) can be stored; the ledger's command handlers always fill them.
 */
export interface EventMetadata {
  /** User id of the person (or import) that caused the event. */
  userId?: string;
  /** That user's role at the time: admin, clerk, auditor, household. */
  role?: string;
  /** Township the event concerns, for clerk scoping and audit. */
  township?: string;
  /** Id shared by all events caused by one request or one import. */
  correlationId?: string;
  /** Id of the message (request, import row, event) that caused this one. */
  causationId?: string;
  /** When the command was issued (ISO 8601); the store also keeps its own `recordedAt`. */
  issuedAt?: string;
  /** Version of the event's data schema, for upcasting old events. */
  schemaVersion?: number;
  [key: string]: unknown;
}

/** An event about to be appended. The id is chosen by the caller, so a retry re-sends the same id. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/**
 * A place in the global log. Ordering is lexicographic on (commit, prepare).
 * PostgreSQL: commit = the appending transaction's id (xid8), prepare = the row's sequence number.
 * EventStoreDB: its own commit and prepare positions.
 * A follower stores this pair as its checkpoint; it is never compared by `prepare` alone.
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

/** The position before any event: reading from here returns the whole log. */
export const START_OF_LOG: LogPosition = { commit: -1n, prepare: -1n };

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  /** 0-based index of the event in its stream. */
  revision: number;
  /** The event's number in the global log, as shown to clients (`position` in the HTTP API). */
  position: number;
  /** Where the event sits in log order, for followers' checkpoints. */
  logPosition: LogPosition;
  /** When the store committed it (server clock). */
  recordedAt: Date;
  /**
   * The event's link in its stream's hash chain (lowercase hex sha256), as stored: the leaf of the
   * seals' Merkle trees. Absent where an adapter keeps none.
   */
  eventHash?: string;
}

/**
 * What the appender believes about the stream.
 * `no_stream`: it must not exist yet; `any`: do not check; a number: the revision of its last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the stream's last event after the append (pass it as the next expected revision). */
  nextExpectedRevision: number;
  /** Global position of the last event of the batch. */
  position: number;
  logPosition: LogPosition;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the first event (forwards) or the last (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to the start of the log. */
  after?: LogPosition;
  maxCount?: number;
}

export interface VerifyResult {
  ok: boolean;
  eventsChecked: number;
  /** Global position of the first event whose hash does not match its content and predecessor. */
  firstBrokenPosition?: number;
}

export interface FollowOptions {
  after?: LogPosition;
  /** Largest batch handed to the consumer at once. */
  batchSize?: number;
  /** How long to wait before polling again once caught up. */
  idleMs?: number;
  signal?: AbortSignal;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Appends and reads inside a unit of work (see {@link EventStore.inUnitOfWork}).
 *
 * Reads see what the unit has appended so far. `appendToStreams` appends to several streams at
 * once (each stream at most once per call); results come back in the order given. A stream that is
 * not at its expected revision throws {@link WrongExpectedRevisionError} naming it, and the unit
 * goes on: the caller may read that stream, decide again and retry. Re-appending events a stream
 * already holds (same ids) answers them again, as `appendToStream` does.
 */
export interface UnitOfWork {
  /**
   * True where the store has multi-stream transactions (PostgreSQL): nothing appended in the unit
   * is visible to anyone else until the unit ends, then all of it at once, or none of it if the work
   * fails; a conflicting `appendToStreams` call appends none of its streams. False on EventStoreDB,
   * which has none: each stream is appended, durably and visibly, as soon as it is written; a failed
   * unit leaves what it appended; a conflicting call leaves the streams before the conflict appended.
   */
  readonly atomic: boolean;
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
}

export interface EventStore {
  /**
   * Appends a batch atomically. Throws {@link WrongExpectedRevisionError} when the stream is not at
   * `expectedRevision`. Re-appending a batch whose ids are all already stored in the stream is a
   * no-op that answers the original result (safe retries).
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;

  /**
   * Runs `work` as one unit of work and answers what it answers: committed when it resolves, rolled
   * back when it throws (only where `unit.atomic`). On PostgreSQL the unit is one transaction on a
   * connection of its own: while it runs, the streams it appended to stay locked (other writers to
   * them wait until it ends) and live followers (projections) read nothing committed after it began,
   * since the log is read only below the oldest running transaction; they catch up once it ends.
   */
  inUnitOfWork<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T>;

  /** Reads one stream; a stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Reads the global log in order, one page, only events no earlier transaction can still precede. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * Follows the log live: yields batches in log order, each event exactly once, until the signal aborts.
   */
  follow(options?: FollowOptions): AsyncIterable<RecordedEvent[]>;

  /** The log position of the event at a client-visible `position`, or undefined if none is stored. */
  logPositionOf(position: number): Promise<LogPosition | undefined>;

  /**
   * The position of the last event committed when called (START_OF_LOG when empty). A follower may
   * not read it yet (a transaction before it still open); it reaches it once those have ended.
   */
  head(): Promise<LogPosition>;

  /** Recomputes the tamper-evidence hash chains over the whole log. */
  verify(): Promise<VerifyResult>;

  close(): Promise<void>;
}

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Serialises a checkpoint for storage in a text column or a JSON document. */
export function formatLogPosition(p: LogPosition): string {
  return `${p.commit}/${p.prepare}`;
}

export function parseLogPosition(text: string): LogPosition {
  const match = /^(-?\d+)\/(-?\d+)$/.exec(text);
  if (!match) throw new Error(`Not a log position: ${text}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
