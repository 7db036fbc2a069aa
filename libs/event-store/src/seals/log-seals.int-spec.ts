import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventStoreMigrations } from '../postgres/event-store.migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { anEvent, aStream } from '../testing/event-store.contract';
import { LogSeals, logSealsMigrations } from './log-seals';

describe('LogSeals on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let seals: LogSeals;

  beforeEach(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...logSealsMigrations]);
    store = new PostgresEventStore(db.pool);
    seals = new LogSeals(store, db.pool);
  });
  afterEach(() => db.drop());

  const appendStreams = async (count: number, eventsEach: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const stream = aStream();
      ids.push(stream);
      await store.appendToStream(
        stream,
        Array.from({ length: eventsEach }, (_, n) => anEvent(`Happened${n}`, { n, i })),
        'no_stream',
      );
    }
    return ids;
  };

  /** What someone with the database's superuser password could do: remove a stream and its head. */
  const deleteStreamBehindTheLedgersBack = async (stream: string) => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query('alter table events disable trigger events_immutable');
      await client.query('delete from events where stream_id = $1', [stream]);
      await client.query('delete from streams where stream_id = $1', [stream]);
      await client.query('alter table events enable trigger events_immutable');
      await client.query('commit');
    } finally {
      client.release();
    }
  };

  it('seals nothing on an empty log, then seals what was appended, in chained seals', async () => {
    expect(await seals.seal()).toBeUndefined();
    await appendStreams(3, 4);
    const first = await seals.seal();
    expect(first).toMatchObject({ sealNo: 1, eventsSealed: 12 });
    expect(await seals.seal()).toBeUndefined(); // nothing new
    await appendStreams(2, 1);
    const second = await seals.seal();
    expect(second).toMatchObject({ sealNo: 2, eventsSealed: 14 });
    expect(second!.hash).not.toBe(first!.hash);
    await appendStreams(1, 2);

    const result = await seals.verify();
    expect(result).toMatchObject({ sealsChecked: 2, eventsSealed: 14, unsealedEvents: 2 });
    expect(result.brokenSeal).toBeUndefined();
    expect(result.latestSeal).toMatchObject({ sealNo: 2, hash: second!.hash });
  });

  it('seals at most maxEvents at a time, continuing where the last seal ended', async () => {
    await appendStreams(5, 3);
    expect(await seals.seal(4)).toMatchObject({ sealNo: 1, eventsSealed: 4 });
    expect(await seals.seal(4)).toMatchObject({ sealNo: 2, eventsSealed: 8 });
    expect(await seals.seal()).toMatchObject({ sealNo: 3, eventsSealed: 15 });
    const result = await seals.verify();
    expect(result).toMatchObject({ sealsChecked: 3, eventsSealed: 15, unsealedEvents: 0 });
    expect(result.brokenSeal).toBeUndefined();
  });

  it('finds a whole stream deleted with its head row, which the streams’ own chains cannot', async () => {
    const streams = await appendStreams(4, 3);
    await seals.seal();
    const [victim] = await store.readStream(streams[2]);

    await deleteStreamBehindTheLedgersBack(streams[2]);

    expect((await store.verify()).ok).toBe(true); // every remaining chain is intact
    const result = await seals.verify();
    expect(result.brokenSeal).toMatchObject({ sealNo: 1, eventsExpected: 12, eventsFound: 9 });
    expect(result.brokenSeal!.fromPosition).toBeLessThan(victim.position);
  });

  it('finds a seal row edited behind the ledger’s back', async () => {
    await appendStreams(2, 2);
    await seals.seal();
    await appendStreams(1, 1);
    await seals.seal();
    const before = await seals.verify();
    expect(before.brokenSeal).toBeUndefined();

    // An edited seal no longer matches what the log hashes to; later seals still check on their own.
    await db.pool.query('alter table log_seals disable trigger log_seals_immutable');
    await db.pool.query(`update log_seals set hash = sha256('forged') where seal_no = 1`);
    const after = await seals.verify();
    expect(after.brokenSeal).toMatchObject({ sealNo: 1, eventsExpected: 4, eventsFound: 4 });
  });

  it('refuses to let anyone update, delete or truncate a seal', async () => {
    await appendStreams(1, 1);
    await seals.seal();
    await expect(db.pool.query('update log_seals set events_sealed = 0')).rejects.toThrow(/immutable/);
    await expect(db.pool.query('delete from log_seals')).rejects.toThrow(/immutable/);
    await expect(db.pool.query('truncate log_seals')).rejects.toThrow(/immutable/);
  });

  it('leaves one seal when two sealers reach for the same number', async () => {
    await appendStreams(3, 2);
    const results = await Promise.all([seals.seal(), seals.seal(), seals.seal()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const { rows } = await db.pool.query<{ count: string }>('select count(*) from log_seals');
    expect(Number(rows[0].count)).toBe(1);
    expect((await seals.verify()).brokenSeal).toBeUndefined();
  });
});
