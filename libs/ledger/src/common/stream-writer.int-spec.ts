import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import type { EventStore } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import type { DomainEvent, Evolver } from './decider';
import { StreamWriter } from './stream-writer';
import { admin, metadataFor } from './testing/actors';

type Toy = { township?: string; notes: number };
type ToyEvent = DomainEvent & { type: 'Started' | 'Noted'; data: { township?: string } };
const toy: Evolver<Toy, ToyEvent> = {
  initialState: { notes: 0 },
  evolve: (state, event) =>
    event.type === 'Started' ? { ...state, township: event.data.township } : { ...state, notes: state.notes + 1 },
};

/** One read of the stream per command: the metadata that depends on the stream comes from the same fold. */
describe('StreamWriter.decide with metadata from the folded state', () => {
  let db: TestDatabase;
  let reads: string[];
  let writer: StreamWriter;
  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    const store = new PostgresEventStore(db.pool);
    const counting: EventStore = Object.create(store) as EventStore;
    counting.readStream = (streamId, options) => {
      reads.push(streamId);
      return store.readStream(streamId, options);
    };
    writer = new StreamWriter(counting);
  });
  afterAll(() => db.drop());

  it('reads the stream once, records the township from the folded state, and replays a retry', async () => {
    reads = [];
    const start = metadataFor(admin, { commandId: '00000000-0000-4000-8000-000000000001' });
    await writer.decide('toy-1', toy, (): ToyEvent[] => [{ type: 'Started', data: { township: '城关镇' } }], start);
    reads = [];
    const note = metadataFor(admin, { commandId: '00000000-0000-4000-8000-000000000002' });
    const first = await writer.decide(
      'toy-1',
      toy,
      (): ToyEvent[] => [{ type: 'Noted', data: {} }],
      note,
      (state) => ({ township: state.township }),
    );
    expect(reads).toEqual(['toy-1']);
    expect(first.replayed).toBe(false);
    const { rows } = await db.pool.query<{ township: string }>(
      `select metadata->>'township' as township from events where stream_id = 'toy-1' and event_type = 'Noted'`,
    );
    expect(rows).toEqual([{ township: '城关镇' }]);
    // The same command again (a retry): answered from the stream, nothing appended, still one read.
    reads = [];
    const again = await writer.decide(
      'toy-1',
      toy,
      (): ToyEvent[] => [{ type: 'Noted', data: {} }],
      note,
      (state) => ({ township: state.township }),
    );
    expect(again).toMatchObject({ replayed: true, position: first.position });
    expect(reads).toEqual(['toy-1']);
  });
});

/**
 * Where the process left a stream (issue 20): the next command reads from its last known event, not
 * the whole stream, and nothing is ever decided on memory alone.
 */
describe('StreamWriter.decide from the folded stream it kept', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let reads: { streamId: string; fromRevision?: number }[] = [];
  /** The store as a writer sees it, counting its reads; `store` can be switched to another database. */
  const counted = (): EventStore =>
    ({
      readStream: (streamId, options) => {
        reads.push({
          streamId,
          ...(options?.fromRevision === undefined ? {} : { fromRevision: options.fromRevision }),
        });
        return store.readStream(streamId, options);
      },
      appendToStream: (streamId, events, expected) => store.appendToStream(streamId, events, expected),
    }) as Pick<EventStore, 'readStream' | 'appendToStream'> as EventStore;
  /** The counted store, where `meanwhile` runs once, after the first read from a kept revision returns. */
  const racedOnce = (meanwhile: () => Promise<unknown>): EventStore => {
    let raced = false;
    return {
      ...counted(),
      readStream: async (streamId: string, options?: { fromRevision?: number }) => {
        const read = await counted().readStream(streamId, options);
        if (options?.fromRevision !== undefined && !raced) {
          raced = true;
          await meanwhile();
        }
        return read;
      },
    };
  };
  let n = 0;
  const command = () => metadataFor(admin, { commandId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
  const note = (): ToyEvent[] => [{ type: 'Noted', data: {} }];
  const notes = async (writer: StreamWriter, streamId: string) => {
    let seen = -1;
    await writer.decide(streamId, toy, (state) => ((seen = state.notes), []), command());
    return seen;
  };

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('reads only from the last event it knew, and folds in what another process appended meanwhile', async () => {
    const ours = new StreamWriter(counted());
    const theirs = new StreamWriter(store);
    await ours.decide('kept-1', toy, note, command());
    await ours.decide('kept-1', toy, note, command());
    reads = [];
    await ours.decide('kept-1', toy, note, command());
    expect(reads).toEqual([{ streamId: 'kept-1', fromRevision: 1 }]);
    await theirs.decide('kept-1', toy, note, command());
    reads = [];
    expect(await notes(ours, 'kept-1')).toBe(4);
    expect(reads).toEqual([{ streamId: 'kept-1', fromRevision: 2 }]);
  });

  it('loses the race to a concurrent writer and decides again from the whole stream', async () => {
    const theirs = new StreamWriter(store);
    // The other writer appends between our read of the stream and our append.
    const racing = racedOnce(() => theirs.decide('kept-2', toy, note, command()));
    const ours = new StreamWriter(racing);
    await ours.decide('kept-2', toy, note, command());
    reads = [];
    const decided = await ours.decide(
      'kept-2',
      toy,
      (state): ToyEvent[] => [{ type: 'Noted', data: { township: `after ${state.notes}` } }],
      command(),
    );
    expect(decided.replayed).toBe(false);
    const { rows } = await db.pool.query<{ township: string | null }>(
      `select data->>'township' as township from events where stream_id = 'kept-2' order by stream_revision`,
    );
    expect(rows.map((r) => r.township)).toEqual([null, null, 'after 2']);
    expect(reads).toEqual([{ streamId: 'kept-2', fromRevision: 0 }, { streamId: 'kept-2' }]);
  });

  it('answers a retry from the stream, even when the command was written by another process', async () => {
    const ours = new StreamWriter(counted());
    const theirs = new StreamWriter(store);
    await ours.decide('kept-3', toy, note, command());
    const retried = command();
    const first = await theirs.decide('kept-3', toy, note, retried);
    await ours.decide('kept-3', toy, note, command());
    reads = [];
    const again = await ours.decide('kept-3', toy, note, retried);
    expect(again).toMatchObject({ replayed: true, position: first.position });
    expect(reads).toEqual([
      { streamId: 'kept-3', fromRevision: 2 },
      { streamId: 'kept-3', fromRevision: 1 },
    ]);
    expect(await notes(ours, 'kept-3')).toBe(3);
  });

  it('reads the whole stream again when the event it knew is no longer there (a restored database)', async () => {
    const ours = new StreamWriter(counted());
    const first = command();
    const second = command();
    await ours.decide('kept-4', toy, note, first);
    await ours.decide('kept-4', toy, note, second);
    // A restore from an older backup, then the same commands again with other content: the event at
    // the kept revision has the id ours knew, but not its content.
    const restored = await createTestDatabase(eventStoreMigrations);
    try {
      const other = new PostgresEventStore(restored.pool);
      const elsewhere = new StreamWriter(other);
      await elsewhere.decide('kept-4', toy, note, first);
      await elsewhere.decide(
        'kept-4',
        toy,
        (): ToyEvent[] => [{ type: 'Started', data: { township: '新城镇' } }],
        second,
      );
      store = other;
      reads = [];
      let township: string | undefined;
      await ours.decide('kept-4', toy, (state) => ((township = state.township), []), command());
      expect(township).toBe('新城镇');
      expect(reads).toEqual([{ streamId: 'kept-4', fromRevision: 1 }, { streamId: 'kept-4' }]);
    } finally {
      store = new PostgresEventStore(db.pool);
      await restored.drop();
    }
  });

  it('answers from the stream when its append finds the command written meanwhile, behind another write', async () => {
    const theirs = new StreamWriter(store);
    const retried = command();
    // Between our read and our append another process writes a note, then this very command.
    const racing = racedOnce(async () => {
      await theirs.decide('kept-5', toy, note, command());
      await theirs.decide('kept-5', toy, note, retried);
    });
    const ours = new StreamWriter(racing);
    await ours.decide('kept-5', toy, note, command());
    const again = await ours.decide('kept-5', toy, note, retried);
    const { rows } = await db.pool.query<{ position: string }>(
      `select global_position as position from events where stream_id = 'kept-5' order by stream_revision`,
    );
    expect(rows).toHaveLength(3);
    expect(again).toMatchObject({ replayed: true, position: Number(rows[2].position) });
    // Nothing wrong was kept: the next command folds all three notes.
    expect(await notes(ours, 'kept-5')).toBe(3);
  });
});
