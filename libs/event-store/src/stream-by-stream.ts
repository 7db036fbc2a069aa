import type { AppendResult, EventStore, StreamAppend, UnitOfWork } from './event-store.port';

/**
 * The unit of work of a store without multi-stream transactions (EventStoreDB): not atomic. Each
 * stream is appended on its own, in the order given, each append durable and visible at once; a
 * stream not at its expected revision stops the call there, the streams before it staying appended.
 */
export function streamByStreamUnit(store: Pick<EventStore, 'appendToStream' | 'readStream'>): UnitOfWork {
  return {
    atomic: false,
    async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
      if (new Set(appends.map((a) => a.streamId)).size < appends.length) {
        throw new Error('appendToStreams takes each stream at most once');
      }
      const results: AppendResult[] = [];
      for (const a of appends) results.push(await store.appendToStream(a.streamId, a.events, a.expectedRevision));
      return results;
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
  };
}
