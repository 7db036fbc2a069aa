import { randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import type { DomainEvent, Evolver } from '../common/decider';
import { nameBasedUuid } from '../common/ids';
import { refuse } from '../common/domain-error';
import { StreamWriter, type CommandMetadata } from '../common/stream-writer';
import { rowPlan } from './rows/row-plan';
import { RowRefusedInWrite, StreamBatches, type PlannedRow, type RowWritten } from './stream-batches';

/** A tally: each row adds one, up to a limit; the state is the count so far. */
type Counted = DomainEvent<'Counted', { n: number }>;
const tally: Evolver<number, Counted> = { initialState: 0, evolve: (n) => n + 1 };
const LIMIT = 5;

const actor = { userId: 'user-clerk', role: 'clerk' as const, townships: ['城关镇'] };
const metadataOf = (commandId: string): CommandMetadata => ({
  actor,
  commandId,
  issuedAt: '2026-11-29T00:00:00.000Z',
  correlationId: 'import-test',
  causationId: `import-test#${commandId}`,
  source: { importId: 'import-test', file: '名册.csv', sha256: 'abc', row: 0 },
});

function row(streamId: string, n: number, run = 'a'): PlannedRow {
  const command = { metadata: metadataOf(nameBasedUuid('test-row', run, streamId, String(n))) };
  return {
    record: { row: n, get: () => undefined, has: () => false },
    plan: rowPlan({
      streamId,
      evolver: tally,
      command,
      decide: (count) => {
        if (count >= LIMIT) throw refuse('LEDGER.VALUE_OUT_OF_DOMAIN', 'full', '已满');
        return [{ type: 'Counted', data: { n: count + 1 } }];
      },
      township: () => '城关镇',
      resultId: (events) => `${streamId}.n${events.map((e) => (e as Counted).data.n).join(',')}`,
      columns: { fields: {}, forbidden: 'n', otherwise: 'n' },
    }),
  };
}

describe('StreamBatches (the write pass of roster imports)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let streams: StreamWriter;
  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new PostgresEventStore(db.pool);
    streams = new StreamWriter(store);
  });
  afterAll(() => db.drop());

  const batchesOf = (keep = 10, eventsPerAppend = 100) =>
    new StreamBatches(streams, {
      keep,
      eventsPerAppend,
      ownEvent: (e) => (e.metadata.source as { sha256?: string } | undefined)?.sha256 === 'abc',
    });

  /** Writes batches in one unit of work, as the importer does. */
  const write = async (batches: StreamBatches, ...rowsOfBatches: PlannedRow[][]): Promise<RowWritten[]> => {
    const written: RowWritten[] = [];
    await store.inUnitOfWork(async (unit) => {
      for (const rows of rowsOfBatches) {
        const batch = new Map<string, PlannedRow[]>();
        for (const r of rows) batch.set(r.plan.streamId, [...(batch.get(r.plan.streamId) ?? []), r]);
        await batches.write(unit, batch, (w) => void written.push(...w));
      }
    });
    return written.sort((a, b) => a.row - b.row);
  };

  it('appends each stream’s rows in file order, with the handler’s event ids and metadata, across batches', async () => {
    const a = `tally-${randomUUID()}`;
    const b = `tally-${randomUUID()}`;
    const batches = batchesOf();
    const first = await write(batches, [row(a, 1), row(b, 2), row(a, 3)]);
    expect(first.map((w) => w.id)).toEqual([`${a}.n1`, `${b}.n1`, `${a}.n2`]);
    const second = await write(batches, [row(a, 4), row(b, 5)]);
    expect(second.map((w) => w.id)).toEqual([`${a}.n3`, `${b}.n2`]);
    const stored = await store.readStream(a);
    expect(stored.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const commandId = row(a, 3).plan.command.metadata.commandId;
    expect(stored[1].id).toBe(nameBasedUuid(commandId, a, '0'));
    expect(stored[1].metadata).toMatchObject({
      userId: 'user-clerk',
      role: 'clerk',
      township: '城关镇',
      commandId,
      correlationId: 'import-test',
      source: { file: '名册.csv' },
    });
    expect(second[0].position).toBe(stored[2].position);
  });

  it('decides again after someone else wrote the stream meanwhile', async () => {
    const a = `tally-${randomUUID()}`;
    const batches = batchesOf();
    await write(batches, [row(a, 1)]);
    // Another writer appends behind the kept state's back.
    await streams.decide(a, tally, (n) => [{ type: 'Counted', data: { n: n + 1 } }], metadataOf(randomUUID()));
    const written = await write(batches, [row(a, 2), row(a, 3)]);
    expect(written.map((w) => w.id)).toEqual([`${a}.n3`, `${a}.n4`]);
    expect((await store.readStream(a)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('recognises rows an earlier run wrote, reporting what they wrote then, and writes the rest once', async () => {
    const a = `tally-${randomUUID()}`;
    await write(batchesOf(), [row(a, 1), row(a, 2)]);
    const before = await store.readStream(a);
    // A resumed run: a fresh writer, the same rows and one more.
    const written = await write(batchesOf(), [row(a, 1), row(a, 2), row(a, 3)]);
    expect(written).toEqual([
      { row: 1, id: `${a}.n1`, position: before[0].position },
      { row: 2, id: `${a}.n2`, position: before[1].position },
      { row: 3, id: `${a}.n3`, position: expect.any(Number) },
    ]);
    expect(await store.readStream(a)).toHaveLength(3);
  });

  it('stops at a row the ledger refuses, naming it; nothing of the unit is written, earlier batches included', async () => {
    const [a, b, c] = [`tally-${randomUUID()}`, `tally-${randomUUID()}`, `tally-${randomUUID()}`];
    // Small appends: the first batch is several calls, all appended before the refusal.
    const batches = batchesOf(10, 1);
    const first = [row(a, 1), row(b, 2), row(c, 3)];
    const second = [row(b, 4), ...Array.from({ length: LIMIT + 1 }, (_, i) => row(a, i + 5))];
    const failure = await write(batches, first, second).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RowRefusedInWrite);
    expect((failure as RowRefusedInWrite).planned.record.row).toBe(LIMIT + 4);
    expect((failure as RowRefusedInWrite).error.code).toBe('LEDGER.VALUE_OUT_OF_DOMAIN');
    for (const stream of [a, b, c]) expect(await store.readStream(stream)).toEqual([]);
  });

  it('appends many streams per call and keeps only `keep` of them, reading the others again', async () => {
    const ids = Array.from({ length: 12 }, () => `tally-${randomUUID()}`);
    const batches = batchesOf(4, 5);
    const first = await write(
      batches,
      ids.map((id, i) => row(id, i + 1)),
    );
    const second = await write(
      batches,
      ids.map((id, i) => row(id, i + 101)),
    );
    expect(first.map((w) => w.id)).toEqual(ids.map((id) => `${id}.n1`));
    expect(second.map((w) => w.id)).toEqual(ids.map((id) => `${id}.n2`));
    for (const id of ids) expect((await store.readStream(id)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('fails with the error of a call that failed while the next streams were decided, keeping nothing', async () => {
    // Calls of 100 streams: the first call answers while the next 100 are read and decided.
    const batches = batchesOf(1000, 100);
    const batch = new Map<string, PlannedRow[]>();
    for (let i = 0; i < 300; i++) {
      const id = `tally-${randomUUID()}`;
      batch.set(id, [row(id, i + 1)]);
    }
    const failure = new Error('the rows written could not be saved');
    await expect(
      store.inUnitOfWork((unit) =>
        batches.write(unit, batch, () => {
          throw failure;
        }),
      ),
    ).rejects.toBe(failure);
    for (const id of [...batch.keys()].slice(0, 3)) expect(await store.readStream(id)).toEqual([]);
  });
});
