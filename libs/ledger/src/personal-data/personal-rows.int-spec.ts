import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { eventsToAppend, StreamWriter } from '../common/stream-writer';
import { admin, metadataFor } from '../common/testing/actors';
import { toNoticeView } from '../notices/notice-view';
import type { NoticePosted } from '../notices/notice.events';
import { notice } from '../notices/notice.state';
import { li, noticeId, posted, zhang } from '../notices/notice.fixtures';
import { HouseholdKeys, householdKeysMigration } from './household-keys';
import { PersonalDataEventStore } from './personal-data-event-store';
import { ERASED } from './personal-fields';

const rowsOf = (data: unknown) => (data as NoticePosted['data']).rows;

describe('a notice’s masked rows, each sealed with its own household’s key', () => {
  let db: TestDatabase;
  let log: PostgresEventStore;
  let keys: HouseholdKeys;
  let store: PersonalDataEventStore;
  const stored = async (streamId: string) =>
    (
      await db.pool.query<{ data: NoticePosted['data'] }>(
        'select data from events where stream_id = $1 order by stream_revision',
        [streamId],
      )
    ).rows.map((r) => r.data);

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, householdKeysMigration]);
    log = new PostgresEventStore(db.pool);
    keys = new HouseholdKeys(db.pool);
    store = new PersonalDataEventStore(log, keys);
  });
  afterAll(() => db.drop());

  it('stores no masked name or number in clear, and reads them back as posted', async () => {
    await new StreamWriter(store).decide(noticeId, notice, () => [posted], metadataFor(admin, { commandId: 'c-post' }));
    const [data] = await stored(noticeId);
    expect(JSON.stringify(data)).not.toMatch(/张\*明|李\*|0101|0102/);
    expect(rowsOf(data).map((r) => [r.householdId, r.amountFen])).toEqual([
      [zhang, 1_500_00],
      [li, 1_500_00],
    ]);
    const [read] = await store.readStream(noticeId);
    expect(read.data).toEqual(posted.data);
  });

  it('after 张’s erasure: his row reads [已删除] in the notice’s view, its amount and the total stay, 李’s row is untouched', async () => {
    await keys.destroy(zhang);
    const { state, events } = await new StreamWriter(store).read(noticeId, notice);
    if (state.status !== 'posted') throw new Error('the notice is not posted');
    const view = toNoticeView(state, '2018-07-03', events[0].position);
    expect(view.rows).toEqual([
      { rowId: 'r1', household: { maskedName: ERASED, maskedRegistrationNo: ERASED }, amountFen: 1_500_00 },
      { rowId: 'r2', household: { maskedName: '李*', maskedRegistrationNo: '***********0102' }, amountFen: 1_500_00 },
    ]);
    // The hold still knows whom it holds: ids are never sealed.
    expect(state.rows.map((r) => r.householdId)).toEqual([zhang, li]);
    expect((await store.verify()).ok).toBe(true);
  });

  it('masks at read a notice written in clear before rows were sealed, once its household is erased', async () => {
    const older = 'notice-00000000-0000-5000-8000-0000000000a2';
    const clear = { ...posted, data: { ...posted.data, noticeId: older } };
    await log.appendToStream(
      older,
      eventsToAppend(older, [clear], metadataFor(admin, { commandId: 'c-old' })),
      'no_stream',
    );
    const [read] = await store.readStream(older);
    expect(rowsOf(read.data).map((r) => r.maskedName)).toEqual([ERASED, '李*']);
  });

  it('writes the rows of an already erased household as [已删除], never under a new key', async () => {
    const later = 'notice-00000000-0000-5000-8000-0000000000a3';
    const again = { ...posted, data: { ...posted.data, noticeId: later } };
    await new StreamWriter(store).decide(later, notice, () => [again], metadataFor(admin, { commandId: 'c-later' }));
    const [data] = await stored(later);
    expect([rowsOf(data)[0].maskedName, rowsOf(data)[0].maskedRegistrationNo]).toEqual([ERASED, ERASED]);
    expect(rowsOf(data)[1].maskedName).toMatch(/^pd1\./);
  });
});
