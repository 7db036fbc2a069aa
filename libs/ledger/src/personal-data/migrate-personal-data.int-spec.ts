import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { LogSeals, logSealsMigrations } from '@ledger/event-store/seals/log-seals';
import { restoreBackup, writeBackup } from '@ledger/runtime/backup';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { StreamWriter } from '../common/stream-writer';
import { admin, metadataFor } from '../common/testing/actors';
import type { EmploymentEvent } from '../employment/employment.events';
import { employment } from '../employment/employment.state';
import type { HouseholdEvent } from '../households/household.events';
import { household } from '../households/household.state';
import { ledgerMigrations } from '../migrations';
import { HouseholdKeys } from './household-keys';
import { migratePersonalData } from './migrate-personal-data';
import { PersonalDataEventStore } from './personal-data-event-store';

const migrations = [...eventStoreMigrations, ...logSealsMigrations, ...ledgerMigrations];

describe('ledger-cli migrate-personal-data: a log with names in clear, rewritten into the sealed format', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(migrations), createTestDatabase(migrations)]);
    dir = await mkdtemp(join(tmpdir(), 'ledger-migrate-'));
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('seals every name, re-chains so the restore verifies, supersedes the old seals and records the new root', async () => {
    // The old log, written as before this change: no adapter, names in clear, sealed once.
    const old = new StreamWriter(new PostgresEventStore(source.pool));
    await old.decide(
      'household-1',
      household,
      (): HouseholdEvent[] => [
        {
          type: 'HouseholdRegistered',
          data: {
            householdId: 'household-1',
            registrationNo: '421127010100001',
            headName: '欧阳春花',
            members: 3,
            village: '桃园村',
            township: '城关镇',
            county: '英山县',
          },
        },
      ],
      metadataFor(admin, { commandId: 'c-1' }),
    );
    await old.decide(
      'employment-1',
      employment,
      (): EmploymentEvent[] => [
        {
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
        },
        {
          type: 'EmploymentEnded',
          data: { employmentId: 'employment-1', endsOn: '2018-12-31', reason: '欧阳小明外出' },
        },
      ],
      metadataFor(admin, { commandId: 'c-2' }),
    );
    const oldSeal = await new LogSeals(new PostgresEventStore(source.pool), source.pool).seal();
    const oldFile = join(dir, 'old.backup');
    const newFile = join(dir, 'sealed.backup');
    await writeBackup(source.pool, oldFile);

    const result = await migratePersonalData(source.pool, oldFile, newFile);
    expect(result).toMatchObject({ events: 3, eventsSealed: 3, households: 1 });
    expect(result.oldSeals).toEqual([
      { sealNo: 1, upToPosition: oldSeal!.upToPosition, hash: oldSeal!.hash, root: oldSeal!.root },
    ]);

    const restored = await restoreBackup(target.pool, newFile);
    expect(restored).toMatchObject({ events: 3, chainsOk: true, latestSealMatches: true });
    expect(restored.seals.brokenSeal).toBeUndefined();
    const { rows } = await target.pool.query<{ t: string }>('select data::text as t from events');
    expect(rows.map((r) => r.t).join()).not.toContain('欧阳');

    const store = new PersonalDataEventStore(new PostgresEventStore(target.pool), new HouseholdKeys(target.pool));
    const [registered] = await store.readStream('household-1');
    expect((registered.data as { headName: string }).headName).toBe('欧阳春花');
    const ended = (await store.readStream('employment-1'))[1];
    expect((ended.data as { reason: string }).reason).toBe('欧阳小明外出');

    // The rewritten log's first seal has the root the migration recorded; the old root is gone.
    const newSeal = await new LogSeals(new PostgresEventStore(target.pool), target.pool).seal();
    expect(newSeal!.root).toBe(result.newRoot);
    expect(newSeal!.root).not.toBe(oldSeal!.root);
    expect(await readFile(newFile)).toBeTruthy();
  });
});
