import {
  START_OF_LOG,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadStreamOptions,
  type RecordedEvent,
  type UnitOfWork,
  streamByStreamUnit,
} from '@ledger/event-store';

/**
 * An event store in memory, for writing a whole city through the real command handlers without
 * paying a database round trip per command: what they append is kept as pending, and `flush`
 * copies it into the real store in batched appends, stream by stream, with the same expected
 * revisions. Streams no later command reads can be dropped once flushed (`release`).
 */
export class MemoryEventStore implements EventStore {
  private readonly streams = new Map<string, RecordedEvent[]>();
  /** Events appended since the last flush, per stream, with the stream's revision before them. */
  private pending = new Map<string, { before: number; events: NewEvent[] }>();
  private pendingCount = 0;
  private released = new Set<string>();
  private position = 0;

  /** Not atomic: the seeder never fails half-way on purpose, and a memory store has nothing to roll back to. */
  inUnitOfWork<T>(work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return work(streamByStreamUnit(this));
  }

  get pendingEvents(): number {
    return this.pendingCount;
  }

  appendToStream(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const revision = stream.length - 1;
    const ok = expected === 'any' || (expected === 'no_stream' ? revision === -1 : expected === revision);
    if (!ok) {
      return Promise.reject(
        new WrongExpectedRevisionError(streamId, String(expected), revision < 0 ? 'no_stream' : revision),
      );
    }
    for (const event of events) {
      this.position++;
      stream.push({
        ...event,
        streamId,
        revision: stream.length,
        position: this.position,
        logPosition: { commit: 0n, prepare: BigInt(this.position) },
        recordedAt: new Date(0),
      });
    }
    this.streams.set(streamId, stream);
    const pending = this.pending.get(streamId) ?? { before: revision, events: [] };
    pending.events.push(...events);
    this.pending.set(streamId, pending);
    this.pendingCount += events.length;
    return Promise.resolve({
      nextExpectedRevision: stream.length - 1,
      position: this.position,
      logPosition: { commit: 0n, prepare: BigInt(this.position) },
    });
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = this.streams.get(streamId) ?? [];
    return Promise.resolve(options.fromRevision ? events.slice(options.fromRevision) : events);
  }

  /** Marks a stream that no later command will read: dropped from memory at the next flush. */
  release(streamId: string): void {
    this.released.add(streamId);
  }

  /**
   * Appends everything pending to `target`, at most `batchSize` events per append, `concurrency`
   * streams at a time. Answers the number of events and appends written.
   */
  async flush(target: EventStore, batchSize = 100, concurrency = 4): Promise<{ events: number; appends: number }> {
    const work = [...this.pending.entries()];
    this.pending = new Map();
    const written = { events: this.pendingCount, appends: 0 };
    this.pendingCount = 0;
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const [streamId, { before, events }] = work[next++];
        let revision = before;
        for (let i = 0; i < events.length; i += batchSize) {
          const chunk = events.slice(i, i + batchSize);
          await target.appendToStream(streamId, chunk, revision < 0 ? 'no_stream' : revision);
          revision += chunk.length;
          written.appends++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    for (const streamId of this.released) this.streams.delete(streamId);
    this.released = new Set();
    return written;
  }

  readAll(): Promise<RecordedEvent[]> {
    return Promise.reject(new Error('not kept in memory'));
  }

  // eslint-disable-next-line require-yield, @typescript-eslint/require-await
  async *follow(): AsyncIterable<RecordedEvent[]> {
    throw new Error('not kept in memory');
  }

  logPositionOf(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  head() {
    return Promise.resolve(START_OF_LOG);
  }

  verify(): Promise<never> {
    return Promise.reject(new Error('not kept in memory'));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
