import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { LogSeals, logSealsMigrations } from '@ledger/event-store/seals/log-seals';
import { anEvent, aStream } from '@ledger/event-store/testing/event-store.contract';
import { asAdmin, createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { verifyLog } from './verify-log';

/** What someone holding the database's superuser secret could do behind the ledger's back. */
async function asIntruder(db: TestDatabase, sql: string, params: unknown[] = []): Promise<void> {
  await asAdmin(async (c) => {
    await c.query('alter table events disable trigger events_immutable');
    await c.query(sql, params);
    await c.query('alter table events enable trigger events_immutable');
  }, db.name);
}

describe('verifyLog: chains and seals together', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let seals: LogSeals;
  let positions: number[];

  beforeEach(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...logSealsMigrations]);
    store = new PostgresEventStore(db.pool);
    seals = new LogSeals(store, db.pool);
    // 60 events in 12 streams of 5, appended stream by stream, then sealed
    positions = [];
    for (let s = 0; s < 12; s++) {
      const stream = aStream();
      await store.appendToStream(
        stream,
        Array.from({ length: 5 }, (_, n) => anEvent('Paid', { amountFen: 100 * (n + 1), s })),
        'no_stream',
      );
      positions.push(...(await store.readStream(stream)).map((e) => e.position));
    }
    await seals.seal();
  });
  afterEach(() => db.drop());

  it('given an intact, sealed log, it is ok', async () => {
    const result = await verifyLog(store, seals);
    expect(result).toMatchObject({ ok: true, eventsChecked: 60, seals: { sealsChecked: 1, unsealedEvents: 0 } });
    expect(result.firstBrokenPosition).toBeUndefined();
  });

  it('given the 44th event edited, it names position 44 (not the seal’s first event) and the broken seal', async () => {
    const edited = positions[43];
    await asIntruder(db, `update events set data = '{"amountFen": 900}' where global_position = $1`, [edited]);
    const result = await verifyLog(store, seals);
    console.log(`edited position ${edited}: verify names ${result.firstBrokenPosition} (${result.firstBrokenBy})`);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenPosition: edited,
      firstBrokenBy: 'chain',
      seals: { brokenSeal: { sealNo: 1 } },
    });
  });

  it('given an event forged with a correct chain hash after sealing, the seal catches what the chains cannot', async () => {
    // The intruder recomputes the stream's hashes and head, so every chain still verifies.
    const target = positions[43];
    await asIntruder(
      db,
      `with t as (select stream_id, stream_revision from events where global_position = $1)
       update events e set data = '{"amountFen": 900}',
         hash = event_hash(coalesce((select p.hash from events p, t where p.stream_id = t.stream_id
                                      and p.stream_revision = t.stream_revision - 1), '\\x'::bytea),
                           e.stream_id, e.stream_revision, e.event_id, e.event_type, '{"amountFen": 900}'::jsonb,
                           e.metadata, e.recorded_at)
         from t where e.global_position = $1`,
      [target],
    );
    // ...and the rest of that stream, and its head
    const stream = (
      await db.pool.query<{ stream_id: string }>('select stream_id from events where global_position = $1', [target])
    ).rows[0].stream_id;
    const events = (
      await db.pool.query<{ global_position: string; stream_revision: string }>(
        'select global_position, stream_revision from events where stream_id = $1 order by stream_revision',
        [stream],
      )
    ).rows;
    for (const e of events.filter((r) => Number(r.global_position) > target)) {
      await asIntruder(
        db,
        `update events e set hash = event_hash((select p.hash from events p where p.stream_id = e.stream_id
                                                 and p.stream_revision = e.stream_revision - 1),
                           e.stream_id, e.stream_revision, e.event_id, e.event_type, e.data, e.metadata, e.recorded_at)
          where e.global_position = $1`,
        [Number(e.global_position)],
      );
    }
    await asIntruder(
      db,
      `update streams s set head_hash = (select hash from events e where e.stream_id = s.stream_id
                                          order by stream_revision desc limit 1) where s.stream_id = $1`,
      [stream],
    );
    expect((await store.verify()).ok).toBe(true);
    const result = await verifyLog(store, seals);
    expect(result).toMatchObject({ ok: false, firstBrokenBy: 'seal', seals: { brokenSeal: { sealNo: 1 } } });
    expect(result.firstBrokenPosition).toBe(result.seals.brokenSeal!.fromPosition);
  });
});
