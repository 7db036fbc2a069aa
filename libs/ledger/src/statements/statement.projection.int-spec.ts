import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { admin, auditor, clerkOf } from '../common/testing/actors';
import type { Actor } from '../common/actor';
import type { StreamWriter } from '../common/stream-writer';
import type { DomainEvent } from '../common/decider';
import { ledgerMigrations } from '../migrations';
import { ProjectionRunner } from '../projections/projection-runner';
import { loadStatement, type StatementRequest } from './statement';
import { statementProjection } from './statement.projection';

const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const orchard = 'entity-00000000-0000-5000-8000-0000000000e1';
const cattle = 'entity-00000000-0000-5000-8000-0000000000e2';
const project = 'project-00000000-0000-5000-8000-0000000000f1';
const poolDeclaration = 'dividend-00000000-0000-5000-8000-0000000000d1';
const guaranteedDeclaration = 'dividend-00000000-0000-5000-8000-0000000000d2';
const lease = 'lease-00000000-0000-5000-8000-000000000001';
const employment = 'employment-00000000-0000-5000-8000-000000000001';
const order = 'order-00000000-0000-5000-8000-000000000001';

const registered = (householdId: string, registrationNo: string, headName: string, township: string) => ({
  type: 'HouseholdRegistered',
  data: { householdId, registrationNo, headName, members: 4, village: '桃园村', township, county: '英山县' },
});

/** Appends domain events to a stream as `userId` would have recorded them. */
async function append(store: PostgresEventStore, streamId: string, events: DomainEvent[], userId = 'user-clerk') {
  return store.appendToStream(
    streamId,
    events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: { userId } })),
    'any',
  );
}

describe('statement projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  // The statement reads its read models only, and the household's acknowledgements (a stream of
  // their own, empty here); no linkage stream.
  const noStreams: Pick<StreamWriter, 'read'> = {
    read: <State>(streamId: string, evolver: { initialState: State }) =>
      streamId.startsWith('acknowledgement-')
        ? Promise.resolve({ state: evolver.initialState, revision: -1, events: [] })
        : Promise.reject(new Error('not expected to read streams')),
  };
  const catchUp = () => new ProjectionRunner(statementProjection, store, db.pool).catchUp();
  const statement = (request: Omit<StatementRequest, 'householdId'> = {}, actor: Actor = admin, householdId = zhang) =>
    loadStatement(
      { pool: db.pool, projections: { waitFor: () => Promise.resolve() }, streams: noStreams },
      { householdId, ...request },
      actor,
    );

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations, ...ledgerMigrations]);
    store = new PostgresEventStore(db.pool);

    await append(store, zhang, [registered(zhang, '4211270101001', '张三', '城关镇')]);
    await append(store, li, [registered(li, '4211270101002', '李四', '温泉镇')]);
    await append(
      store,
      project,
      [
        {
          type: 'ProjectRegistered',
          data: { projectId: project, name: '桃园光伏扶贫项目', industry: 'pv', county: '英山县' },
        },
        ...[
          ['county', 6_000_00],
          ['central', 50_000_00],
          ['county', 4_000_00],
        ].map(([source, amountFen], i) => ({
          type: 'ProjectFundsReceived',
          data: {
            projectId: project,
            fundId: `${project}.f${i + 1}`,
            source,
            amountFen,
            documentRef: `文件${i}`,
            receivedOn: '2018-01-10',
          },
        })),
      ],
      'user-admin',
    );
    // 张三 holds s1 (15 shares bought with the project's money) and s3 (5 shares of cash); 李四 s2 (80).
    await append(store, poolDeclaration, [
      {
        type: 'DividendDeclared',
        data: {
          declarationId: poolDeclaration,
          entityId: orchard,
          entityName: '桃园果业有限公司',
          township: '城关镇',
          period: '2018-H1',
          periodShare: '1/2',
          declaredOn: '2018-07-10',
          recordDate: '2018-06-30',
          poolFen: 10_000_00,
          totalShares: 100,
          allocations: [
            {
              stakeId: `${orchard}.s1`,
              householdId: zhang,
              township: '城关镇',
              shares: 15,
              projectId: project,
              source: 'fiscal_fund',
              amountFen: 1_500_00,
            },
            {
              stakeId: `${orchard}.s2`,
              householdId: li,
              township: '温泉镇',
              shares: 80,
              source: 'cash',
              amountFen: 8_000_00,
            },
            {
              stakeId: `${orchard}.s3`,
              householdId: zhang,
              township: '城关镇',
              shares: 5,
              source: 'cash',
              amountFen: 500_00,
            },
          ],
        },
      },
      {
        type: 'DividendPaid',
        data: {
          declarationId: poolDeclaration,
          paymentId: `${poolDeclaration}.p1`,
          householdId: zhang,
          amountFen: 2_000_00,
          paidOn: '2018-07-15',
        },
      },
      {
        type: 'DividendPaid',
        data: {
          declarationId: poolDeclaration,
          paymentId: `${poolDeclaration}.p2`,
          householdId: li,
          amountFen: 8_000_00,
          paidOn: '2018-07-15',
        },
      },
    ]);
    await append(store, guaranteedDeclaration, [
      {
        type: 'DividendDeclared',
        data: {
          declarationId: guaranteedDeclaration,
          entityId: cattle,
          entityName: '石头村养牛合作社',
          township: '城关镇',
          period: '2018-H1',
          periodShare: '1/2',
          declaredOn: '2018-07-01',
          recordDate: '2018-06-30',
          totalShares: 1,
          allocations: [
            {
              stakeId: `${cattle}.s1`,
              householdId: zhang,
              township: '城关镇',
              shares: 1,
              guaranteedYearlyFen: 4_000_00,
              source: 'land',
              amountFen: 2_000_00,
            },
          ],
        },
      },
      {
        type: 'DividendPaid',
        data: {
          declarationId: guaranteedDeclaration,
          paymentId: `${guaranteedDeclaration}.p1`,
          householdId: zhang,
          amountFen: 2_000_00,
          paidOn: '2018-07-05',
          reference: 'V-1',
        },
      },
    ]);
    await append(store, lease, [
      {
        type: 'LeaseSigned',
        data: {
          leaseId: lease,
          entityId: orchard,
          entityName: '桃园果业有限公司',
          householdId: zhang,
          township: '城关镇',
          areaMu: '2.50',
          rentPerMuYearFen: 800_00,
          startsOn: '2018-01-01',
          endsOn: '2020-12-31',
          schedule: 'yearly',
          dues: [{ period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 2_000_00 }],
        },
      },
      {
        type: 'RentPaid',
        data: {
          leaseId: lease,
          paymentId: `${lease}.p1`,
          entityId: orchard,
          householdId: zhang,
          period: '2018',
          amountFen: 2_000_00,
          paidOn: '2018-03-01',
          share: '1',
          dueFen: 2_000_00,
        },
      },
    ]);
    await append(store, employment, [
      {
        type: 'EmploymentStarted',
        data: {
          employmentId: employment,
          entityId: orchard,
          entityName: '桃园采摘园',
          householdId: zhang,
          township: '城关镇',
          workerName: '张小三',
          startsOn: '2018-03-15',
          wageBasis: 'monthly',
          rateFen: 1_950_00,
        },
      },
      {
        type: 'WagePaid',
        data: {
          employmentId: employment,
          paymentId: `${employment}.p1`,
          householdId: zhang,
          workerName: '张小三',
          period: '2018-07',
          amountFen: 1_950_00,
          paidOn: '2018-08-05',
          daysWorked: 26,
          supplementary: false,
        },
      },
    ]);
    await append(store, order, [
      {
        type: 'OrderContracted',
        data: {
          orderId: order,
          entityId: orchard,
          entityName: '桃园果业有限公司',
          householdId: zhang,
          township: '城关镇',
          product: '猕猴桃',
          unit: '公斤',
          priceFen: 380,
          startsOn: '2018-08-01',
          endsOn: '2018-10-31',
        },
      },
      {
        type: 'PurchasePaid',
        data: {
          orderId: order,
          paymentId: `${order}.p1`,
          householdId: zhang,
          product: '猕猴桃',
          unit: '公斤',
          quantity: '12.5',
          priceFen: 380,
          amountFen: 47_50,
          deliveredOn: '2018-09-10',
          paidOn: '2018-09-15',
        },
      },
    ]);
    await catchUp();
  });
  afterAll(() => db.drop());

  it('projects one line per payment with its basis composed from earlier events', async () => {
    const { rows } = await db.pool.query(
      `select payment_id, household_id, to_char(paid_on, 'YYYY-MM-DD') as paid_on, amount_fen::int, form, kind,
              entity_id, entity_name, linkage_id, period, basis, recorded_by, reversal_id
         from statement_lines order by paid_on, position`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        payment_id: `${lease}.p1`,
        household_id: zhang,
        paid_on: '2018-03-01',
        amount_fen: 2_000_00,
        form: 'lease',
        kind: 'rent',
        entity_id: orchard,
        entity_name: '桃园果业有限公司',
        linkage_id: lease,
        period: '2018',
        basis: { leaseId: lease, areaMu: '2.50', rentPerMuYearFen: 800_00, periodShare: '1', dueFen: 2_000_00 },
        recorded_by: 'user-clerk',
        reversal_id: null,
      }),
      expect.objectContaining({
        payment_id: `${guaranteedDeclaration}.p1`,
        form: 'equity',
        kind: 'dividend',
        entity_name: '石头村养牛合作社',
        period: '2018-H1',
        basis: {
          declarationId: guaranteedDeclaration,
          stakeIds: [`${cattle}.s1`],
          shares: 1,
          totalShares: 1,
          guaranteedYearlyFen: 4_000_00,
          periodShare: '1/2',
          allocatedFen: 2_000_00,
          projects: [],
        },
      }),
      expect.objectContaining({
        payment_id: `${poolDeclaration}.p1`,
        household_id: zhang,
        basis: {
          declarationId: poolDeclaration,
          stakeIds: [`${orchard}.s1`, `${orchard}.s3`],
          shares: 20,
          totalShares: 100,
          poolFen: 10_000_00,
          periodShare: '1/2',
          allocatedFen: 2_000_00,
          projects: [
            {
              projectId: project,
              projectName: '桃园光伏扶贫项目',
              fundSources: [
                { source: 'central', amountFen: 50_000_00 },
                { source: 'county', amountFen: 10_000_00 },
              ],
            },
          ],
        },
      }),
      expect.objectContaining({
        payment_id: `${poolDeclaration}.p2`,
        household_id: li,
        basis: expect.objectContaining({
          stakeIds: [`${orchard}.s2`],
          shares: 80,
          allocatedFen: 8_000_00,
          projects: [],
        }),
      }),
      expect.objectContaining({
        payment_id: `${employment}.p1`,
        form: 'labour',
        kind: 'wage',
        entity_name: '桃园采摘园',
        period: '2018-07',
        basis: {
          employmentId: employment,
          workerName: '张小三',
          wageBasis: 'monthly',
          rateFen: 1_950_00,
          daysWorked: 26,
          supplementary: false,
        },
      }),
      expect.objectContaining({
        payment_id: `${order}.p1`,
        form: 'order',
        kind: 'purchase',
        period: '2018-09',
        basis: { orderId: order, product: '猕猴桃', unit: '公斤', quantity: '12.5', priceFen: 380 },
      }),
    ]);
  });

  it('answers a statement with totals by form, explanations, and from/to bounds', async () => {
    const s = await statement();
    expect(s.household).toEqual({
      id: zhang,
      registrationNo: '4211270101001',
      headName: '张三',
      members: 4,
      village: '桃园村',
      township: '城关镇',
      county: '英山县',
      status: 'enrolled',
    });
    expect(s.totalFen).toBe(2_000_00 + 2_000_00 + 2_000_00 + 1_950_00 + 47_50);
    expect(s.byForm).toEqual({
      equity: 4_000_00,
      lease: 2_000_00,
      labour: 1_950_00,
      order: 47_50,
      collective: 0,
      credit: 0,
    });
    expect(s.position).toBe(Number((await store.head()).prepare));
    expect(s.lines.map((l) => l.explanation)).toEqual([
      '桃园果业有限公司 2018年土地流转租金：2.50 亩 × 800.00 元/亩/年 × 1 年 = 2,000.00 元',
      '石头村养牛合作社 2018年上半年保底分红：每年保底 4,000.00 元 × 1/2 年 = 2,000.00 元',
      '桃园果业有限公司 2018年上半年分红：您持有 20 股，共 100 股，分红总额 10,000.00 元，按股分得 2,000.00 元' +
        '（股金来源：桃园光伏扶贫项目，中央财政资金 50,000.00 元、县级财政资金 10,000.00 元）',
      '桃园采摘园 2018年7月工资：张小三，月薪 1,950.00 元，出勤 26 天',
      '桃园果业有限公司 收购猕猴桃 12.5 公斤 × 3.80 元/公斤 = 47.50 元（2018年9月10日交售）',
    ]);
    expect(s.lines[0]).toMatchObject({ recordedBy: 'user-clerk', reversed: false, entity: { id: orchard } });
    expect(s.lines[0]).not.toHaveProperty('reversal');

    const july = await statement({ from: '2018-07-05', to: '2018-07-15', lang: 'en' });
    expect(july.lines.map((l) => l.paymentId)).toEqual([`${guaranteedDeclaration}.p1`, `${poolDeclaration}.p1`]);
    expect(july).toMatchObject({ from: '2018-07-05', to: '2018-07-15', asOf: null, totalFen: 4_000_00 });
    expect(july.lines[0].explanation).toBe(
      'Guaranteed dividend from 石头村养牛合作社 for the first half of 2018: 4,000.00 yuan a year × 1/2 year = 2,000.00 yuan',
    );
  });

  it('scopes readers: clerks of the township, auditors, the household itself', async () => {
    await expect(statement({}, clerkOf('城关镇'))).resolves.toBeDefined();
    await expect(statement({}, auditor)).resolves.toBeDefined();
    await expect(statement({}, clerkOf('温泉镇'))).rejects.toMatchObject({ code: 'AUTH.NOT_YOURS' });
    const own: Actor = { userId: 'u', role: 'household', townships: [], householdId: zhang };
    await expect(statement({}, own)).resolves.toBeDefined();
    await expect(statement({}, own, li)).rejects.toMatchObject({ code: 'AUTH.NOT_YOURS' });
  });

  it('marks a reversal, and shows the ledger as it stood before it was recorded', async () => {
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await append(store, lease, [
      { type: 'PaymentReversed', data: { paymentId: `${lease}.p1`, reversalId: `${lease}.p1.r`, reason: '重复录入' } },
    ]);
    await catchUp();
    const now = await statement();
    const rent = now.lines.find((l) => l.paymentId === `${lease}.p1`)!;
    expect(rent).toMatchObject({
      reversed: true,
      reversal: { reversalId: `${lease}.p1.r`, reason: '重复录入', recordedAt: expect.any(String) },
    });
    expect(rent.explanation).toMatch(/（这笔记录有误，已经作废，不算入合计；如果应该给您，正确的一笔另行列出。）$/);
    expect(rent.status).toBe('reversed');
    expect(now.byForm.lease).toBe(0);
    expect(now.totalFen).toBe(2_000_00 + 2_000_00 + 1_950_00 + 47_50);

    const then = await statement({ asOf: before });
    expect(then.lines.find((l) => l.paymentId === `${lease}.p1`)).toMatchObject({ reversed: false });
    expect(then.lines.find((l) => l.paymentId === `${lease}.p1`)).not.toHaveProperty('reversal');
    expect(then.byForm.lease).toBe(2_000_00);
    expect(then.asOf).toBe(before);

    // Before anything was recorded there was nothing to show.
    const empty = await statement({ asOf: '2000-01-01T00:00:00+08:00' });
    expect(empty).toMatchObject({ lines: [], totalFen: 0 });
  });

  it('leaves payments recorded after asOf out', async () => {
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await append(store, employment, [
      {
        type: 'WagePaid',
        data: {
          employmentId: employment,
          paymentId: `${employment}.p2`,
          householdId: zhang,
          workerName: '张小三',
          period: '2018-08',
          amountFen: 1_950_00,
          paidOn: '2018-09-05',
          supplementary: false,
        },
      },
    ]);
    await catchUp();
    expect((await statement()).lines.map((l) => l.paymentId)).toContain(`${employment}.p2`);
    expect((await statement({ asOf: before })).lines.map((l) => l.paymentId)).not.toContain(`${employment}.p2`);
  });

  it('rebuilds from zero to exactly the live rows', async () => {
    const dump = async () =>
      Promise.all(
        statementProjection.tables.map(
          async (table) => (await db.pool.query<Record<string, unknown>>(`select * from ${table} order by 1`)).rows,
        ),
      );
    const live = await dump();
    const runner = new ProjectionRunner(statementProjection, store, db.pool);
    await runner.reset();
    await runner.catchUp(undefined, 3);
    expect(await dump()).toEqual(live);
  });
});
