import { randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { ledgerMigrations } from '../../migrations';
import { ProjectionRunner } from '../../projections/projection-runner';
import { collectiveLedgerProjection } from '../collective.projection';
import { distributionStanding } from './distribution-standing';
import { readCurrentIncome } from './read-income-sources';

/**
 * The income behind a collective's distributions, from the collective ledger in a real PostgreSQL:
 * dividends paid to the collective are reversed and returned after the distributions were declared,
 * and the read side follows the record while the declarations keep what they recorded.
 */
describe('a collective’s income behind its distributions, as the record stands', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const complex = `entity-${randomUUID()}`;
  const farm = `entity-${randomUUID()}`;
  const collective = `entity-${randomUUID()}`;
  const fromComplex = `dividend-${randomUUID()}`;
  const fromFarm = `dividend-${randomUUID()}`;
  const first = `distribution-${randomUUID()}`;
  const second = `distribution-${randomUUID()}`;
  const household = 'household-00000000-0000-5000-8000-000000000001';

  const append = (streamId: string, type: string, data: object) =>
    store.appendToStream(streamId, [{ id: randomUUID(), type, data, metadata: { userId: 'test' } }], 'any');
  const catchUp = () => new ProjectionRunner(collectiveLedgerProjection, store, db.pool).catchUp();
  const entity = (entityId: string, name: string, kind: string) =>
    append(entityId, 'EntityRegistered', { entityId, name, kind, township: '石头镇', county: '罗田县' });
  const declare = (declarationId: string, entityId: string, entityName: string) =>
    append(declarationId, 'DividendDeclared', {
      declarationId,
      entityId,
      entityName,
      township: '石头镇',
      period: '2018',
      periodShare: '1',
      declaredOn: '2018-12-01',
      recordDate: '2018-11-30',
      totalShares: 10,
      allocations: [
        {
          stakeId: `${entityId}.s1`,
          collectiveId: collective,
          township: '石头镇',
          shares: 10,
          source: 'fiscal_fund',
          amountFen: 600_000_00,
        },
      ],
    });
  const pay = (declarationId: string, n: number, amountFen: number, paidOn: string) =>
    append(declarationId, 'DividendPaid', {
      declarationId,
      paymentId: `${declarationId}.p${n}`,
      collectiveId: collective,
      amountFen,
      paidOn,
    });
  const distribute = (
    distributionId: string,
    ordinal: number,
    poolFen: number,
    declaredOn: string,
    incomeSources: object[],
  ) =>
    append(distributionId, 'DistributionDeclared', {
      distributionId,
      collectiveId: collective,
      collectiveName: '石头村股份经济合作社',
      township: '石头镇',
      period: '2018',
      declaredOn,
      poolFen,
      basis: 'per_household',
      totalWeight: 1,
      incomeSources,
      distributedBeforeFen: 0,
      ordinal,
      allocations: [{ householdId: household, township: '石头镇', weight: 1, amountFen: poolFen }],
    });
  const standing = async (distributionId: string, poolFen: number, declared: object[]) => {
    const now = (await readCurrentIncome(db.pool, [distributionId])).get(distributionId);
    if (now === undefined) throw new Error(`${distributionId} not projected`);
    return {
      ...distributionStanding(
        { poolFen, distributedBeforeFen: now.distributedBeforeFen, incomeSources: declared as never },
        now.incomeSources,
      ),
      distributedBeforeFen: now.distributedBeforeFen,
    };
  };
  const src = (entityId: string, entityName: string, amountFen: number) => ({ entityId, entityName, amountFen });

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
    await entity(complex, '桃花谷旅游综合体', 'company');
    await entity(farm, '石头村养牛场', 'cooperative');
    await entity(collective, '石头村股份经济合作社', 'village_collective');
    await declare(fromComplex, complex, '桃花谷旅游综合体');
    await declare(fromFarm, farm, '石头村养牛场');
    // The complex pays 250,000 twice, the farm 100,000 once, all before the first distribution; the
    // farm pays another 100,000 after it (counted for the second distribution only).
    await pay(fromComplex, 1, 250_000_00, '2018-12-05');
    await pay(fromComplex, 2, 250_000_00, '2018-12-06');
    await pay(fromFarm, 1, 100_000_00, '2018-12-07');
    await pay(fromFarm, 2, 100_000_00, '2019-01-10');
    await distribute(first, 1, 500_000_00, '2018-12-20', [
      src(complex, '桃花谷旅游综合体', 500_000_00),
      src(farm, '石头村养牛场', 100_000_00),
    ]);
    await distribute(second, 2, 150_000_00, '2019-02-01', [
      src(complex, '桃花谷旅游综合体', 500_000_00),
      src(farm, '石头村养牛场', 200_000_00),
    ]);
    await catchUp();
  });
  afterAll(() => db.drop());

  it('given nothing undone, then both distributions stand as declared and covered', async () => {
    expect(
      await standing(first, 500_000_00, [
        src(complex, '桃花谷旅游综合体', 500_000_00),
        src(farm, '石头村养牛场', 100_000_00),
      ]),
    ).toEqual({
      incomeSources: [src(complex, '桃花谷旅游综合体', 500_000_00), src(farm, '石头村养牛场', 100_000_00)],
      incomeFen: 600_000_00,
      overdrawnFen: 0,
      distributedBeforeFen: 0,
    });
    expect((await standing(second, 150_000_00, [])).distributedBeforeFen).toBe(500_000_00);
  });

  it('when one of the complex’s payments is reversed and the farm’s first is returned, then the first distribution is overdrawn by 250,000 and keeps its declared sources', async () => {
    await append(fromComplex, 'PaymentReversed', {
      paymentId: `${fromComplex}.p2`,
      reversalId: `${fromComplex}.r1`,
      reason: '重复支付',
    });
    await append(fromFarm, 'PaymentReturned', {
      paymentId: `${fromFarm}.p1`,
      returnedOn: '2019-01-03',
      reason: 'account_closed',
    });
    await catchUp();
    const declared = [src(complex, '桃花谷旅游综合体', 500_000_00), src(farm, '石头村养牛场', 100_000_00)];
    expect(await standing(first, 500_000_00, declared)).toEqual({
      incomeSources: [src(complex, '桃花谷旅游综合体', 250_000_00)],
      incomeFen: 250_000_00,
      declaredIncomeSources: declared,
      overdrawnFen: 250_000_00,
      distributedBeforeFen: 0,
    });
    // The second counts the farm's later 100,000 too: 350,000 against 650,000 of pools.
    const later = await standing(second, 150_000_00, []);
    expect(later.incomeFen).toBe(350_000_00);
    expect(later.overdrawnFen).toBe(300_000_00);
  });

  it('when the returned payment is reissued after the first declaration, then only the second counts it', async () => {
    await append(fromFarm, 'PaymentReissued', {
      paymentId: `${fromFarm}.p3`,
      reissueOf: `${fromFarm}.p1`,
      householdId: collective,
      amountFen: 100_000_00,
      paidOn: '2019-01-20',
    });
    await catchUp();
    expect((await standing(first, 500_000_00, [])).incomeFen).toBe(250_000_00);
    expect((await standing(second, 150_000_00, [])).incomeSources).toEqual([
      src(complex, '桃花谷旅游综合体', 250_000_00),
      src(farm, '石头村养牛场', 200_000_00),
    ]);
  });
});
