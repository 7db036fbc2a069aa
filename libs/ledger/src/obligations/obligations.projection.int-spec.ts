import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import type { DividendAllocation } from '../dividends/dividend.events';
import type { LeaseDue } from '../leases/lease.events';
import { ledgerMigrations } from '../migrations';
import { ProjectionRunner } from '../projections/projection-runner';
import { canonicalInstant } from './get-obligations/instant';
import { readObligations } from './get-obligations/read-obligations';
import { obligationsProjection } from './obligations.projection';

const farm = `entity-${randomUUID()}`;
const otherEntity = `entity-${randomUUID()}`;
const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const wang = 'household-00000000-0000-5000-8000-000000000003';
const declarationId = `dividend-${randomUUID()}`;
const leaseId = `lease-${randomUUID()}`;

const allocation = (n: number, householdId: string, amountFen: number): DividendAllocation => ({
  stakeId: `${farm}.s${n}`,
  householdId,
  township: '城关镇',
  shares: 10,
  source: 'cash',
  amountFen,
});
const due = (period: string, amountFen: number, share = '1'): LeaseDue => ({
  period,
  dueOn: `${period}-01-01`,
  share,
  amountFen,
});

describe('obligations projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  /** When each event of interest was recorded, as the store says. */
  const at: Record<string, Date> = {};

  const append = async (label: string, streamId: string, type: string, data: object): Promise<void> => {
    await sleep(5); // distinct recorded_at instants, so asOf can fall between them
    await store.appendToStream(streamId, [{ id: randomUUID(), type, data, metadata: { userId: 'test' } }], 'any');
    const events = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    at[label] = events[0].recordedAt;
  };
  const before = (label: string): string => new Date(at[label].getTime() - 1).toISOString();
  const when = (label: string): string => at[label].toISOString();
  const read = async (asOf: string, dueBy = '2099-12-31', entityId = farm) => {
    const { items, totals } = await readObligations(db.pool, { entityId }, asOf, dueBy);
    return { items: items.map(({ entityId: _entity, ...item }) => item), totals };
  };
  const catchUp = () => new ProjectionRunner(obligationsProjection, store, db.pool).catchUp();

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);

    await append('lease', leaseId, 'LeaseSigned', {
      leaseId,
      entityId: farm,
      entityName: '石头村养牛合作社',
      householdId: wang,
      township: '城关镇',
      areaMu: '2.50',
      rentPerMuYearFen: 80_000,
      startsOn: '2018-01-01',
      endsOn: '2020-12-31',
      schedule: 'yearly',
      dues: [due('2018', 200_000), due('2019', 200_000), due('2020', 200_000)],
    });
    await append('rent2018', leaseId, 'RentPaid', {
      leaseId,
      paymentId: `${leaseId}.p1`,
      entityId: farm,
      householdId: wang,
      period: '2018',
      amountFen: 200_000,
      paidOn: '2018-01-05',
      share: '1',
      dueFen: 200_000,
    });
    await append('declared', declarationId, 'DividendDeclared', {
      declarationId,
      entityId: farm,
      entityName: '石头村养牛合作社',
      township: '城关镇',
      period: '2018-H1',
      periodShare: '1/2',
      declaredOn: '2018-07-10',
      recordDate: '2018-06-30',
      poolFen: 3_000_00,
      totalShares: 30,
      // 张三 holds two stakes: one item of 1,500 for him, one of 1,500 for 李四.
      allocations: [allocation(1, zhang, 1_000_00), allocation(2, li, 1_500_00), allocation(3, zhang, 500_00)],
    });
    const paid = (n: number, householdId: string, amountFen: number) => ({
      declarationId,
      paymentId: `${declarationId}.p${n}`,
      householdId,
      amountFen,
      paidOn: '2018-07-15',
    });
    await append('p1', declarationId, 'DividendPaid', paid(1, zhang, 1_000_00));
    await append('p2', declarationId, 'DividendPaid', paid(2, li, 1_500_00));
    await append('p3', declarationId, 'DividendPaid', paid(3, zhang, 200_00));
    await append('p3reversed', declarationId, 'PaymentReversed', {
      paymentId: `${declarationId}.p3`,
      reversalId: `${declarationId}.p3.r`,
      reason: '重复录入',
    });
    await append('ended', leaseId, 'LeaseEnded', {
      leaseId,
      endsOn: '2019-06-30',
      reason: '合作社调整种植规划',
      dues: [due('2018', 200_000), due('2019', 100_000, '6/12')],
    });
    // Another entity's declaration is not this one's obligation.
    await append('other', `dividend-${randomUUID()}`, 'DividendDeclared', {
      declarationId: `dividend-${randomUUID()}`,
      entityId: otherEntity,
      entityName: '温泉光伏电站',
      township: '温泉镇',
      period: '2018',
      periodShare: '1',
      declaredOn: '2018-12-20',
      recordDate: '2018-12-01',
      totalShares: 1,
      allocations: [{ ...allocation(1, li, 400_00), stakeId: `${otherEntity}.s1` }],
    });
    await catchUp();
  });
  afterAll(() => db.drop());

  it('lists dividends per household and declaration and rents per period, sorted by due date', async () => {
    const now = new Date(at.other.getTime() + 1_000).toISOString();
    const { items, totals } = await read(now);
    expect(items).toEqual([
      {
        linkageId: leaseId,
        kind: 'rent',
        householdId: wang,
        period: '2018',
        dueOn: '2018-01-01',
        dueFen: 200_000,
        paidFen: 200_000,
        outstandingFen: 0,
      },
      {
        linkageId: declarationId,
        kind: 'dividend',
        householdId: zhang,
        period: '2018-H1',
        dueOn: '2018-07-10',
        dueFen: 1_500_00,
        paidFen: 1_000_00, // the reversed 200 does not count
        outstandingFen: 500_00,
      },
      {
        linkageId: declarationId,
        kind: 'dividend',
        householdId: li,
        period: '2018-H1',
        dueOn: '2018-07-10',
        dueFen: 1_500_00,
        paidFen: 1_500_00,
        outstandingFen: 0,
      },
      // Recomputed by the early end: half a year, and no 2020 at all.
      {
        linkageId: leaseId,
        kind: 'rent',
        householdId: wang,
        period: '2019',
        dueOn: '2019-01-01',
        dueFen: 100_000,
        paidFen: 0,
        outstandingFen: 100_000,
      },
    ]);
    expect(totals).toEqual({
      dueFen: 600_000,
      paidFen: 450_000,
      outstandingFen: 150_000,
      byKind: {
        dividend: { dueFen: 300_000, paidFen: 250_000, outstandingFen: 50_000 },
        rent: { dueFen: 300_000, paidFen: 200_000, outstandingFen: 100_000 },
        guarantee: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
        distribution: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
      },
    });
  });

  it('shows the ledger as it stood at asOf: schedules, payments and reversals recorded later do not count', async () => {
    const beforeEnd = await read(before('ended'));
    expect(beforeEnd.items.filter((i) => i.kind === 'rent').map((i) => [i.period, i.dueFen])).toEqual([
      ['2018', 200_000],
      ['2019', 200_000],
      ['2020', 200_000],
    ]);

    const zhangAt = async (asOf: string) =>
      (await read(asOf)).items.find((i) => i.kind === 'dividend' && i.householdId === zhang)?.paidFen;
    expect(await zhangAt(before('p1'))).toBe(0);
    expect(await zhangAt(when('p1'))).toBe(1_000_00); // asOf is inclusive
    expect(await zhangAt(when('p3'))).toBe(1_200_00); // not yet reversed
    expect(await zhangAt(before('p3reversed'))).toBe(1_200_00);
    expect(await zhangAt(when('p3reversed'))).toBe(1_000_00);

    const beforeDeclaration = await read(before('declared'));
    expect(beforeDeclaration.items.map((i) => i.kind)).toEqual(['rent', 'rent', 'rent']);
    expect(beforeDeclaration.items[0].paidFen).toBe(200_000);

    expect((await read(before('rent2018'))).items[0]).toMatchObject({ period: '2018', paidFen: 0 });
    expect((await read(before('lease'))).items).toEqual([]);
  });

  it('reads every instant form the API accepts (offsets Z, ±HH:MM, ±HHMM, ±HH; a leap second)', async () => {
    for (const asOf of [
      '2099-01-01T00:00:00Z',
      '2099-01-01T08:00:00+08:00',
      '2099-01-01T08:00:00+0800',
      '2099-01-01T08:00+08',
      '2098-12-31T23:59:60.5Z',
    ]) {
      expect((await read(canonicalInstant(asOf))).items).toHaveLength(4);
    }
  });

  it('lists only what falls due on or before dueBy', async () => {
    const asOf = when('other');
    expect((await read(asOf, '2018-07-09')).items.map((i) => i.dueOn)).toEqual(['2018-01-01']);
    expect((await read(asOf, '2018-07-10')).items.map((i) => i.dueOn)).toEqual([
      '2018-01-01',
      '2018-07-10',
      '2018-07-10',
    ]);
    expect((await read(asOf, '2017-12-31')).items).toEqual([]);
    expect((await read(asOf, '2018-12-31', otherEntity)).items).toEqual([
      expect.objectContaining({ kind: 'dividend', householdId: li, dueOn: '2018-12-20', dueFen: 400_00 }),
    ]);
  });

  it('rebuilds from zero to exactly the same tables', async () => {
    const snapshot = async () =>
      Promise.all(
        obligationsProjection.tables.map(
          async (table) => (await db.pool.query<Record<string, unknown>>(`select * from ${table} order by 1, 2`)).rows,
        ),
      );
    const live = await snapshot();
    const runner = new ProjectionRunner(obligationsProjection, store, db.pool);
    await runner.reset();
    expect((await snapshot()).every((rows) => rows.length === 0)).toBe(true);
    await runner.catchUp();
    expect(await snapshot()).toEqual(live);
  });
});
