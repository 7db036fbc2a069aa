import { migrate } from '@ledger/database';
import { asAdmin, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import { anEvent, aStream } from '../testing/event-store.contract';
import { eventStoreMigrations } from './event-store.migrations';
import { eventStoreMigration } from './event-store.migration';
import { PostgresEventStore } from './postgres-event-store';

/**
 * A log written partly by the first `append_to_stream` (lock, then update the head) and partly by
 * the compare-and-set one and the single-statement append: one hash chain, verified as a whole, and
 * tampering found wherever it is.
 */
describe('appends before and after 0004-event-store-append-compare-and-set', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  /** Streams begun before the migration and continued after it. */
  const streams = [aStream('mixed'), aStream('mixed'), aStream('mixed')];

  /** What someone with the database's superuser password could do to the events table. */
  const behindTheLedgersBack = (sql: string, values: unknown[]) =>
    asAdmin(async (c) => {
      await c.query('begin');
      await c.query('alter table events disable trigger events_immutable');
      await c.query(sql, values);
      await c.query('alter table events enable trigger events_immutable');
      await c.query('commit');
    }, db.name);

  beforeEach(async () => {
    db = await createTestDatabase([eventStoreMigration]);
    // Before: the old function writes (called as SQL: the adapter's own statements need 0004's function).
    for (const stream of streams) {
      await db.pool.query(`select * from append_to_stream($1, -1, $2::uuid[], '{Old,Old}', $3::jsonb[], $4::jsonb[])`, [
        stream,
        [anEvent().id, anEvent().id],
        ['{"n": 1}', '{"n": 2, "text": "贫困户"}'],
        ['{}', '{"userId": "u"}'],
      ]);
    }
    expect(await migrate(db.pool, eventStoreMigrations)).toEqual([
      '0003-append-to-streams',
      '0004-event-store-append-compare-and-set',
    ]);
    store = new PostgresEventStore(db.pool);
    // After: a single event at a revision (one statement), a batch (the function), a new stream.
    for (const stream of streams) {
      await store.appendToStream(stream, [anEvent('New', { n: 3 })], 1);
      await store.appendToStream(stream, [anEvent('New', { n: 4 }), anEvent('New', { n: 5 })], 2);
    }
    await store.appendToStream(aStream('fresh'), [anEvent('New')], 'no_stream');
  });
  afterEach(() => db.drop());

  it('verifies one unbroken chain per stream across the change', async () => {
    expect(await store.verify()).toEqual({ ok: true, eventsChecked: 3 * 5 + 1 });
    const read = await store.readStream(streams[0]);
    expect(read.map((e) => [e.type, e.revision])).toEqual([
      ['Old', 0],
      ['Old', 1],
      ['New', 2],
      ['New', 3],
      ['New', 4],
    ]);
  });

  it('still refuses a stale revision, and answers a retried single event with the original', async () => {
    const stream = streams[1];
    await expect(store.appendToStream(stream, [anEvent()], 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const event = anEvent('Once');
    const first = await store.appendToStream(stream, [event], 4);
    expect(await store.appendToStream(stream, [event], 4)).toEqual(first);
    expect(await store.readStream(stream)).toHaveLength(6);
    expect((await store.verify()).ok).toBe(true);
  });

  const byRevision = async (stream: string, revision: number): Promise<RecordedEvent> =>
    (await store.readStream(stream)).find((e) => e.revision === revision)!;

  it('finds an edited event written before the change', async () => {
    const edited = await byRevision(streams[0], 1);
    await behindTheLedgersBack(`update events set data = '{"n": 9}' where global_position = $1`, [edited.position]);
    expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: edited.position });
  });

  it('finds an edited event written by the single-statement append', async () => {
    const edited = await byRevision(streams[1], 2);
    await behindTheLedgersBack(`update events set metadata = '{}' where global_position = $1`, [edited.position]);
    expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: edited.position });
  });

  it('finds an event deleted from the middle of a stream, at the event after it', async () => {
    const deleted = await byRevision(streams[2], 2);
    const next = await byRevision(streams[2], 3);
    await behindTheLedgersBack('delete from events where global_position = $1', [deleted.position]);
    expect(await store.verify()).toMatchObject({ ok: false, firstBrokenPosition: next.position });
  });

  it('finds a stream’s tail deleted, both events the last appends wrote', async () => {
    const kept = await byRevision(streams[1], 2);
    await behindTheLedgersBack('delete from events where stream_id = $1 and stream_revision >= 3', [streams[1]]);
    const result = await store.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBrokenPosition).toBeLessThanOrEqual(kept.position);
  });
});
