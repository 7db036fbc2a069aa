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
