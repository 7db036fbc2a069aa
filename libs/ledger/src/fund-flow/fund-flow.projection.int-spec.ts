import { randomUUID } from 'node:crypto';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import type { DividendAllocation } from '../dividends/dividend.events';
import { ledgerMigrations } from '../migrations';
import { ProjectionRunner } from '../projections/projection-runner';
import type { StakeSource } from '../stakes/stake.events';
import { fundFlowFigures } from './fund-flow.figures';
import { fundFlowProjection } from './fund-flow.projection';
import { fundFlowEdges } from './get-fund-flow/fund-flow.edges';
import { readFundFlow, readFundFlows } from './get-fund-flow/read-fund-flow';

const projectId = `project-${randomUUID()}`;
const otherProject = `project-${randomUUID()}`;
const farm = `entity-${randomUUID()}`;
const zhang = `household-${randomUUID()}`;
const li = `household-${randomUUID()}`;
const declarationId = `dividend-${randomUUID()}`;

/**
 * Events appended straight to the store, as data imported or recorded before the write side's rules
 * would be: the fund flow must show every step that exceeds its source.
 */
describe('fund-flow projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  const append = (streamId: string, type: string, data: object) =>
    store.appendToStream(streamId, [{ id: randomUUID(), type, data, metadata: { userId: 'import' } }], 'any');
  const stake = (n: number, householdId: string, source: StakeSource, principalFen: number, project?: string) =>
    append(farm, 'StakeAcquired', {
      stakeId: `${farm}.s${n}`,
      entityId: farm,
      householdId,
      township: '城关镇',
      ...(project === undefined ? {} : { projectId: project }),
      source,
      principalFen,
      shares: principalFen / 100,
      startsOn: '2018-03-01',
    });
  const allocation = (n: number, householdId: string, amountFen: number): DividendAllocation => ({
    stakeId: `${farm}.s${n}`,
    householdId,
    township: '城关镇',
    shares: 1,
    source: 'fiscal_fund',
    amountFen,
  });
  const paid = (n: number, householdId: string, amountFen: number) =>
    append(declarationId, 'DividendPaid', {
      declarationId,
      paymentId: `${declarationId}.p${n}`,
      householdId,
      amountFen,
      paidOn: '2018-07-20',
    });
  const catchUp = () => new ProjectionRunner(fundFlowProjection, store, db.pool).catchUp();

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);
    await append(projectId, 'ProjectRegistered', {
      projectId,
      name: '肉牛养殖扶贫项目',
      industry: 'breeding',
      county: '英山县',
    });
    const funds = (source: string, amountFen: number) =>
      append(projectId, 'ProjectFundsReceived', {
        projectId,
        source,
        amountFen,
        documentRef: '英财农〔2018〕12号',
        receivedOn: '2018-01-10',
      });
    await funds('central', 10_000_00);
    await funds('county', 5_000_00);
    await funds('central', 1_000_00); // a second receipt from the same source, without a fund id
    await append(farm, 'EntityRegistered', {
      entityId: farm,
      name: '石头村养牛合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    for (const [householdId, headName] of [
      [zhang, '张三'],
      [li, '李四'],
    ]) {
      await append(householdId, 'HouseholdRegistered', {
        householdId,
        registrationNo: headName,
        headName,
        members: 3,
        village: '石头村',
        township: '城关镇',
        county: '英山县',
      });
    }
    // 20,000 disbursed of 16,000 received.
    await append(projectId, 'ProjectFundsDisbursed', {
      projectId,
      entityId: farm,
      entityName: '石头村养牛合作社',
      amountFen: 20_000_00,
      purpose: '购买基础母牛',
      disbursedOn: '2018-02-01',
    });
    // 15,000 + 10,000 of the project's stakes in the farm, of 20,000 disbursed to it.
    await stake(1, zhang, 'fiscal_fund', 15_000_00, projectId);
    await stake(2, li, 'fiscal_fund', 10_000_00, projectId);
    await stake(3, zhang, 'cash', 3_000_00);
    await stake(4, li, 'fiscal_fund', 7_000_00, otherProject);
    await append(declarationId, 'DividendDeclared', {
      declarationId,
      entityId: farm,
      entityName: '石头村养牛合作社',
      township: '城关镇',
      period: '2018-H1',
      periodShare: '1/2',
      declaredOn: '2018-07-10',
      recordDate: '2018-06-30',
      poolFen: 2_000_00,
      totalShares: 350,
      allocations: [
        allocation(1, zhang, 600_00),
        allocation(2, li, 400_00),
        { ...allocation(3, zhang, 300_00), source: 'cash' },
        { ...allocation(4, li, 700_00), projectId: otherProject },
      ],
    });
    await paid(1, zhang, 900_00); // all of 张三's 600 + 300
    await paid(2, li, 1_200_00); // 李四 was allocated 400 + 700: 100 too much
    await paid(3, li, 50_00);
    await append(declarationId, 'PaymentReversed', {
      paymentId: `${declarationId}.p3`,
      reversalId: `${declarationId}.p3.r`,
      reason: '录入错误',
    });
    await catchUp();
  });
  afterAll(() => db.drop());

  it('traces the project’s money to the households, and flags every step beyond its source', async () => {
    const { names, ...input } = await readFundFlow(db.pool, projectId);
    expect(input.funds).toEqual([
      { source: 'central', amountFen: 11_000_00 },
      { source: 'county', amountFen: 5_000_00 },
    ]);
    expect(input.disbursements).toEqual([{ entityId: farm, entityName: '石头村养牛合作社', amountFen: 20_000_00 }]);
    expect(input.stakes).toEqual([
      { stakeId: `${farm}.s1`, householdId: zhang, entityId: farm, principalFen: 15_000_00 },
      { stakeId: `${farm}.s2`, householdId: li, entityId: farm, principalFen: 10_000_00 },
    ]);
    expect(input.payments).toEqual(
      expect.arrayContaining([
        { declarationId, householdId: zhang, paidFen: 900_00 },
        { declarationId, householdId: li, paidFen: 1_200_00 }, // the reversed 50 does not count
      ]),
    );

    const figures = fundFlowFigures({ ...input, names });
    expect(figures.dividendsPaid).toEqual([
      { stakeId: `${farm}.s1`, householdId: zhang, amountFen: 600_00 },
      // 1,200 over 李四's 400 (this project) and 700 (another project's): 436.36… → 436.36
      { stakeId: `${farm}.s2`, householdId: li, amountFen: 436_36 },
    ]);
    expect(figures.totals).toEqual({
      fundsFen: 16_000_00,
      disbursedFen: 20_000_00,
      stakePrincipalFen: 25_000_00,
      dividendsPaidFen: 1_036_36,
    });
    expect(figures.flags).toEqual([
      {
        rule: 'FUND_FLOW.DISBURSED_BEYOND_FUNDS',
        detail: '项目共拨付 20,000.00 元，但到位资金只有 16,000.00 元，超出 4,000.00 元。',
      },
      {
        rule: 'FUND_FLOW.STAKE_PRINCIPAL_BEYOND_DISBURSED',
        detail: `用本项目资金在「石头村养牛合作社」(${farm}) 折股量化的股金共 25,000.00 元，但项目只向该主体拨付了 20,000.00 元，超出 5,000.00 元。`,
      },
      {
        rule: 'FUND_FLOW.DIVIDENDS_PAID_BEYOND_ALLOCATED',
        detail: `分红方案 石头村养牛合作社 2018-H1 (${declarationId}) 向农户 李四 (${li}) 发放 1,200.00 元，但其分配额只有 1,100.00 元，超出 100.00 元。`,
      },
    ]);

    const project = { id: projectId, name: '肉牛养殖扶贫项目', industry: 'breeding' as const, county: '英山县' };
    const edges = fundFlowEdges({ project, ...input, ...figures }, names);
    expect(edges.map((e) => [e.edge, e.fromName, e.toName, e.amountFen])).toEqual([
      ['funds', '中央财政专项扶贫资金', '肉牛养殖扶贫项目', 11_000_00],
      ['funds', '县级财政专项扶贫资金', '肉牛养殖扶贫项目', 5_000_00],
      ['disbursement', '肉牛养殖扶贫项目', '石头村养牛合作社', 20_000_00],
      ['stake', '石头村养牛合作社', '张三', 15_000_00],
      ['stake', '石头村养牛合作社', '李四', 10_000_00],
      ['dividend', '石头村养牛合作社', '张三', 600_00],
      ['dividend', '石头村养牛合作社', '李四', 436_36],
    ]);
  });

  it('shows another project only its own stakes, and an unknown project nothing', async () => {
    const other = await readFundFlow(db.pool, otherProject);
    expect(other.stakes).toEqual([{ stakeId: `${farm}.s4`, householdId: li, entityId: farm, principalFen: 7_000_00 }]);
    const figures = fundFlowFigures(other);
    expect(figures.dividendsPaid).toEqual([{ stakeId: `${farm}.s4`, householdId: li, amountFen: 763_64 }]);
    // Nothing disbursed to the farm by that project: its stake is beyond the source.
    expect(figures.flags.map((f) => f.rule)).toEqual([
      'FUND_FLOW.STAKE_PRINCIPAL_BEYOND_DISBURSED',
      'FUND_FLOW.DIVIDENDS_PAID_BEYOND_ALLOCATED',
    ]);
    const unknown = await readFundFlow(db.pool, `project-${randomUUID()}`);
    expect(fundFlowFigures(unknown)).toEqual({
      dividendsPaid: [],
      totals: { fundsFen: 0, disbursedFen: 0, stakePrincipalFen: 0, dividendsPaidFen: 0 },
      flags: [],
    });
  });

  it('reads several projects at once exactly as each on its own (a county costs one read, not one per project)', async () => {
    const unknownProject = `project-${randomUUID()}`;
    const ids = [projectId, otherProject, unknownProject];
    const together = await readFundFlows(db.pool, ids);
    for (const id of ids) {
      const alone = await readFundFlow(db.pool, id);
      const { names: namesTogether, ...figuresTogether } = together.get(id)!;
      const { names: namesAlone, ...figuresAlone } = alone;
      expect(figuresTogether).toEqual(figuresAlone);
      expect(fundFlowFigures({ ...figuresTogether, names: namesTogether })).toEqual(
        fundFlowFigures({ ...figuresAlone, names: namesAlone }),
      );
    }
    // The projects share one snapshot, so their names come together: each finds its own there.
    expect(Object.keys(together.get(projectId)!.names.households).sort()).toEqual([zhang, li].sort());
  });

  it('rebuilds from zero to exactly the same tables', async () => {
    const snapshot = async () =>
      Promise.all(
        fundFlowProjection.tables.map(
          async (table) => (await db.pool.query<Record<string, unknown>>(`select * from ${table} order by 1, 2`)).rows,
        ),
      );
    const live = await snapshot();
    const runner = new ProjectionRunner(fundFlowProjection, store, db.pool);
    await runner.reset();
    await runner.catchUp();
    expect(await snapshot()).toEqual(live);
  });
});
