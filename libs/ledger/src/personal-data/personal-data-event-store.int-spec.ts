import type { Pool } from 'pg';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import type { StreamAppend } from '@ledger/event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventsToAppend, StreamWriter } from '../common/stream-writer';
import { admin, metadataFor } from '../common/testing/actors';
import type { EmploymentEvent } from '../employment/employment.events';
import { employment } from '../employment/employment.state';
import type { HouseholdEvent, HouseholdRegistered } from '../households/household.events';
import { household } from '../households/household.state';
import { HouseholdKeys, householdKeysMigration } from './household-keys';
import { PersonalDataEventStore, SEALED_FOR } from './personal-data-event-store';
import { ERASED } from './personal-fields';

const registered = (n: number): HouseholdRegistered => ({
  type: 'HouseholdRegistered',
  data: {
    householdId: `household-${n}`,
    registrationNo: `4211270101${String(n).padStart(5, '0')}`,
    headName: `欧阳${n}号`,
    members: 3,
    village: '桃园村',
    township: '城关镇',
    county: '英山县',
  },
});

/** The key store over a pool that counts its queries: the batching is what is under test. */
function countingKeys(pool: Pool): { keys: HouseholdKeys; queries: () => number } {
  let n = 0;
  const keys = new HouseholdKeys({
    query: ((...args: Parameters<Pool['query']>) => {
      n += 1;
      return (pool.query as (...a: unknown[]) => unknown)(...args);
    }) as Pool['query'],
  });
  return { keys, queries: () => n };
}

describe('personal fields sealed on the real write path, opened on every read', () => {
  let db: TestDatabase;
  let log: PostgresEventStore;
  const storedData = async (streamId: string) =>
    (
      await db.pool.query<{ data: Record<string, unknown>; metadata: Record<string, unknown> }>(
        'select data, metadata from events where stream_id = $1 order by stream_revision',
        [streamId],
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, householdKeysMigration]);
    log = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('seals the head’s name in the log, reads it back in clear, and recognises a retried command', async () => {
    const writer = new StreamWriter(new PersonalDataEventStore(log, new HouseholdKeys(db.pool)));
    const metadata = metadataFor(admin, { commandId: '00000000-0000-4000-8000-000000000001' });
    const first = await writer.decide('household-1', household, (): HouseholdEvent[] => [registered(1)], metadata);
    const [stored] = await storedData('household-1');
    expect(stored.data.headName).toMatch(/^pd1\./);
    expect(JSON.stringify(stored)).not.toContain('欧阳');
    expect(stored.data.registrationNo).toBe('421127010100001');
    expect(stored.metadata[SEALED_FOR]).toBe('household-1');

    const { state } = await writer.read('household-1', household);
    expect(state.status === 'registered' && state.headName).toBe('欧阳1号');

    // The same command again: its ciphertext would differ (fresh nonces), yet it is the same request.
    const again = await writer.decide('household-1', household, (): HouseholdEvent[] => [registered(1)], metadata);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await storedData('household-1')).toHaveLength(1);
  });

  it('seals a linkage stream’s fields with its household’s key, found from the stream once', async () => {
    const store = new PersonalDataEventStore(log, new HouseholdKeys(db.pool));
    const writer = new StreamWriter(store);
    const started: EmploymentEvent = {
      type: 'EmploymentStarted',
      data: {
        employmentId: 'employment-1',
        entityId: 'entity-1',
        entityName: '桃园采摘园有限公司',
        householdId: 'household-1',
        township: '城关镇',
        workerName: '欧阳小明',
        startsOn: '2018-03-15',
        wageBasis: 'monthly',
        rateFen: 200000,
      },
    };
    await writer.decide('employment-1', employment, () => [started], metadataFor(admin, { commandId: 'c-start' }));
    // A process that never saw the stream: it reads the stream's first event to find the household.
    const fresh = new StreamWriter(new PersonalDataEventStore(log, new HouseholdKeys(db.pool)));
    await fresh.decide(
      'employment-1',
      employment,
      (): EmploymentEvent[] => [
        {
          type: 'EmploymentEnded',
          data: { employmentId: 'employment-1', endsOn: '2018-12-31', reason: '欧阳小明外出' },
        },
      ],
      metadataFor(admin, { commandId: 'c-end' }),
    );
    const rows = await storedData('employment-1');
    expect(rows.map((r) => r.metadata[SEALED_FOR])).toEqual(['household-1', 'household-1']);
    expect(JSON.stringify(rows)).not.toContain('欧阳');
    const events = await store.readStream('employment-1');
    expect(events.map((e) => (e.data as { workerName?: string; reason?: string }).workerName ?? e.data)).toEqual([
      '欧阳小明',
      { employmentId: 'employment-1', endsOn: '2018-12-31', reason: '欧阳小明外出' },
    ]);
  });

  it('looks keys up once per batch, not per event: 300 households in one unit of work, then one page', async () => {
    const { keys, queries } = countingKeys(db.pool);
    const store = new PersonalDataEventStore(log, keys);
    const appends: StreamAppend[] = Array.from({ length: 300 }, (_, i) => {
      const streamId = `household-${100 + i}`;
      return {
        streamId,
        events: eventsToAppend(streamId, [registered(100 + i)], metadataFor(admin, { commandId: `import-${i}` })),
        expectedRevision: 'no_stream',
      };
    });
    await store.inUnitOfWork((unit) => unit.appendToStreams(appends));
    // One select, one insert of the 300 new keys, one select of them back.
    expect(queries()).toBe(3);
    const page = await store.readAll({ maxCount: 1000 });
    expect(queries()).toBe(4);
    const names = page
      .filter((e) => e.type === 'HouseholdRegistered')
      .map((e) => (e.data as { headName: string }).headName);
    expect(names).toHaveLength(301);
    expect(names.every((n) => /^欧阳\d+号$/.test(n))).toBe(true);
  });

  it("seals a command's append with the key its read fetched: one key lookup per command, not two", async () => {
    const { keys, queries } = countingKeys(db.pool);
    const writer = new StreamWriter(new PersonalDataEventStore(log, keys));
    const ended = (reason: string): EmploymentEvent[] => [
      { type: 'EmploymentEnded', data: { employmentId: 'employment-1', endsOn: '2018-12-31', reason } },
    ];
    const before = queries();
    await writer.decide(
      'employment-1',
      employment,
      () => ended('欧阳小明回乡'),
      metadataFor(admin, { commandId: 'c-once' }),
    );
    // The read opened the stream's names (one lookup); the append sealed with the same key.
    expect(queries() - before).toBe(1);
    const rows = await storedData('employment-1');
    expect(rows[rows.length - 1].metadata[SEALED_FOR]).toBe('household-1');
    expect(JSON.stringify(rows)).not.toContain('欧阳');
    const events = await new PersonalDataEventStore(log, new HouseholdKeys(db.pool)).readStream('employment-1');
    expect((events[events.length - 1].data as { reason: string }).reason).toBe('欧阳小明回乡');

    // Outside a command (no scope) the seal looks its key up itself, as before.
    const store = new PersonalDataEventStore(log, keys);
    await store.readStream('employment-1');
    const outside = queries();
    await store.appendToStream(
      'employment-1',
      eventsToAppend('employment-1', ended('欧阳'), metadataFor(admin, { commandId: 'c-outside' })),
      'any',
    );
    expect(queries() - outside).toBe(1);
  });

  it('after the key is destroyed: [已删除] on every read, later writes stored as [已删除], verify still ok', async () => {
    const keys = new HouseholdKeys(db.pool);
    const store = new PersonalDataEventStore(log, keys);
    await keys.destroy('household-1');
    const events = await store.readStream('household-1');
    expect((events[0].data as HouseholdRegistered['data']).headName).toBe(ERASED);
    expect((events[0].data as HouseholdRegistered['data']).registrationNo).toBe('421127010100001');
    const ended = (await store.readStream('employment-1'))[1].data as { reason: string };
    expect(ended.reason).toBe(ERASED);

    // A write for the erased household gets no new key: its text is stored as [已删除] itself.
    await new StreamWriter(store).decide(
      'household-1',
      household,
      (): HouseholdEvent[] => [
        {
          type: 'HouseholdStatusChanged',
          data: { householdId: 'household-1', status: 'exited', effectiveOn: '2019-01-01', reason: '欧阳1号脱贫' },
        },
      ],
      metadataFor(admin, { commandId: 'c-status' }),
    );
    const rows = await storedData('household-1');
    expect(rows[1].data.reason).toBe(ERASED);
    const { rows: keyRows } = await db.pool.query('select key, erased_at from household_keys where household_id = $1', [
      'household-1',
    ]);
    expect(keyRows).toEqual([{ key: null, erased_at: expect.any(Date) }]);
    expect((await store.verify()).ok).toBe(true);
  });
  it('a stream one process kept is read whole once another process erased its household: no decision on the old text', async () => {
    const ours = new StreamWriter(new PersonalDataEventStore(log, new HouseholdKeys(db.pool)));
    await ours.decide('household-950', household, () => [registered(950)], metadataFor(admin, { commandId: 'c-950' }));
    let seen: string | undefined;
    const look = () =>
      ours.decide(
        'household-950',
        household,
        (state) => ((seen = state.status === 'none' ? undefined : state.headName), []),
        metadataFor(admin, { commandId: `c-950-look-${String(seen)}` }),
      );
    await look();
    expect(seen).toBe('欧阳950号');
    // Another process (another API instance) erases: ours is not told.
    await new HouseholdKeys(db.pool).destroy('household-950');
    await look();
    expect(seen).toBe(ERASED);
  });
});
