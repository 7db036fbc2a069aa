import { startTestApp, type TestApp } from './support/test-app';

interface Line {
  paymentId: string;
  kind: string;
  amountFen: number;
  status: string;
}
interface StakeHolding {
  stakeId: string;
  status: string;
  startsOn: string;
  endsOn?: string;
  transferredFrom?: string;
  transferredTo?: string;
}

/**
 * Share re-allocation (动态调整) through HTTP: 张三's household exits poverty at the end of 2018, and the
 * shares the project's fiscal funds bought for it move to 李四's household, newly in need, on
 * 2019-01-01. The 2018-H2 dividend (record date 2018-12-31) stays with 张三; 2019-H1 goes to 李四.
 */
describe('share re-allocation over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let farm: string;
  let zhang: string;
  let li: string;
  let projectId: string;
  let stakeId: string;
  let position = 0;
  const at = <R extends { body: { position?: number } }>(res: R): R => {
    position = Math.max(position, res.body.position ?? 0);
    return res;
  };
  const household = async (registrationNo: string, headName: string) =>
    at(
      await t
        .post(
          '/v1/households',
          { registrationNo, headName, members: 3, village: '石头村', township: '城关镇', county: '英山县' },
          clerk,
        )
        .expect(201),
    ).body.id as string;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    farm = at(
      await t
        .post('/v1/entities', { name: '石头村养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201),
    ).body.id as string;
    zhang = await household('421127010100901', '张三');
    li = await household('421127010100902', '李四');
    projectId = at(
      await t
        .post('/v1/projects', {
          name: '肉牛养殖扶贫项目',
          industry: 'breeding',
          county: '英山县',
          assistanceModel: 'asset_income',
        })
        .expect(201),
    ).body.id as string;
    at(
      await t
        .post(`/v1/projects/${projectId}/funds`, {
          source: 'county',
          amountFen: 20_000_00,
          documentRef: '英财农〔2018〕12号',
          receivedOn: '2017-12-10',
        })
        .expect(201),
    );
    at(
      await t
        .post(`/v1/projects/${projectId}/disbursements`, {
          entityId: farm,
          amountFen: 10_000_00,
          purpose: '购买基础母牛',
          disbursedOn: '2017-12-20',
        })
        .expect(201),
    );
    stakeId = at(
      await t
        .post(
          '/v1/stakes',
          {
            entityId: farm,
            householdId: zhang,
            projectId,
            source: 'fiscal_fund',
            principalFen: 10_000_00,
            shares: 10,
            guaranteedYearlyFen: 4_000_00,
            guaranteeSchedule: 'half_yearly',
            guarantor: 'project',
            startsOn: '2018-01-01',
            endsOn: '2020-12-31',
          },
          clerk,
        )
        .expect(201),
    ).body.id as string;
  });
  afterAll(() => t.close());

  it('records the project’s assistance model', async () => {
    const project = await t.get(`/v1/projects/${projectId}`).expect(200);
    expect(project.body.assistanceModel).toBe('asset_income');
    const bad = await t
      .post('/v1/projects', { name: '错', industry: 'pv', county: '英山县', assistanceModel: 'charity' })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['assistanceModel']);
  });

  it('moves 张三’s fiscal shares to 李四 when 张三 exits poverty, keeping the record-date rule', async () => {
    // Before: the 2018-H2 dividend, recorded on 2018-12-31, is 张三's; it is paid.
    const h2 = at(
      await t
        .post(
          `/v1/entities/${farm}/dividends`,
          { period: '2018-H2', declaredOn: '2019-01-10', recordDate: '2018-12-31', poolFen: 2_000_00 },
          clerk,
        )
        .expect(201),
    );
    expect(h2.body.allocations).toEqual([{ stakeId, householdId: zhang, amountFen: 2_000_00 }]);
    at(
      await t
        .post(
          `/v1/households/${zhang}/status`,
          { status: 'exited', effectiveOn: '2018-12-31', reason: '稳定脱贫' },
          clerk,
        )
        .expect(201),
    );

    // A guaranteed stake moves on a month's first day only; land stays with its household.
    const transfer = (body: Record<string, unknown>, id = stakeId) =>
      t.post(
        `/v1/stakes/${id}/transfer`,
        { toHouseholdId: li, effectiveOn: '2019-01-01', reason: '张三户已稳定脱贫', ...body },
        clerk,
      );
    expect((await transfer({ effectiveOn: '2019-01-15' }).expect(422)).body.code).toBe(
      'STAKE.TRANSFER_GUARANTEE_MID_MONTH',
    );
    const land = at(
      await t
        .post(
          '/v1/stakes',
          {
            entityId: farm,
            householdId: zhang,
            source: 'land',
            principalFen: 1_000_00,
            shares: 1,
            startsOn: '2018-01-01',
          },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    expect((await transfer({}, land).expect(422)).body.code).toBe('STAKE.TRANSFER_ONLY_FISCAL_FUND');
    const bad = await transfer({ toHouseholdId: 'someone', effectiveOn: '2019-02-30' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['effectiveOn', 'toHouseholdId']);
    await t.post(`/v1/stakes/${land}/end`, { endsOn: '2018-12-31', reason: '土地收回' }, clerk).expect(201);

    const moved = at(await transfer({}).expect(201));
    const newStake = moved.body.id as string;
    expect(newStake).toBe(`${farm}.s3`);

    // After: the 2019-H1 dividend, recorded on 2019-06-30, is 李四's.
    const h1 = at(
      await t
        .post(
          `/v1/entities/${farm}/dividends`,
          { period: '2019-H1', declaredOn: '2019-07-10', recordDate: '2019-06-30', poolFen: 1_500_00 },
          clerk,
        )
        .expect(201),
    );
    expect(h1.body.allocations).toEqual([{ stakeId: newStake, householdId: li, amountFen: 1_500_00 }]);
    at(
      await t
        .post(
          `/v1/dividends/${h2.body.id as string}/payments`,
          { householdId: zhang, amountFen: 2_000_00, paidOn: '2019-01-15' },
          clerk,
        )
        .expect(201),
    );
    at(
      await t
        .post(
          `/v1/dividends/${h1.body.id as string}/payments`,
          { householdId: li, amountFen: 1_500_00, paidOn: '2019-07-15' },
          clerk,
        )
        .expect(201),
    );

    // Both statements show the transfer in the holdings, each with its own dividend.
    const statementOf = async (id: string) =>
      (await t.get(`/v1/households/${id}/statement?minPosition=${position}`, clerk).expect(200)).body as {
        totalFen: number;
        lines: Line[];
        holdings: { stakes: StakeHolding[] };
      };
    const old = await statementOf(zhang);
    expect(old.totalFen).toBe(2_000_00);
    expect(old.holdings.stakes.find((s) => s.stakeId === stakeId)).toMatchObject({
      status: 'transferred',
      endsOn: '2018-12-31',
      transferredTo: newStake,
    });
    const next = await statementOf(li);
    expect(next.totalFen).toBe(1_500_00);
    expect(next.holdings.stakes).toEqual([
      expect.objectContaining({
        stakeId: newStake,
        // Its term ran out at the end of 2020 (today is later): ended, not transferred.
        status: 'ended',
        startsOn: '2019-01-01',
        endsOn: '2020-12-31',
        transferredFrom: stakeId,
      }),
    ]);

    // The guarantee splits where the shares moved: 2018's half-years are 张三's, 2019-H1's shortfall
    // (2,000 promised, 1,500 declared) is owed to 李四.
    const owedTo = async (id: string) =>
      (
        (await t.get(`/v1/households/${id}/obligations?dueBy=2019-06-30&minPosition=${position}`, clerk).expect(200))
          .body.items as { kind: string; period: string; dueFen: number }[]
      ).filter((i) => i.kind === 'guarantee');
    expect((await owedTo(zhang)).map((i) => [i.period, i.dueFen])).toEqual([
      ['2018-H1', 2_000_00],
      ['2018-H2', 0],
    ]);
    expect((await owedTo(li)).map((i) => [i.period, i.dueFen])).toEqual([['2019-H1', 500_00]]);

    // The fund flow lists both stakes, the new one with its lineage; the principal counts once.
    const flow = await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${position}`).expect(200);
    expect(flow.body.project.assistanceModel).toBe('asset_income');
    expect(flow.body.stakes).toEqual([
      { stakeId, householdId: zhang, entityId: farm, principalFen: 10_000_00 },
      { stakeId: newStake, householdId: li, entityId: farm, principalFen: 10_000_00, transferredFrom: stakeId },
    ]);
    expect(flow.body.totals).toMatchObject({ stakePrincipalFen: 10_000_00, dividendsPaidFen: 3_500_00 });
    expect(flow.body.flags).toEqual([]);
    const csv = await t.get(`/v1/audit/fund-flow?projectId=${projectId}`).set('Accept', 'text/csv').expect(200);
    expect(csv.text).toContain(`transfer,household,${zhang},张三,household,${li},李四,1000000,10000.00`);

    // The money bought one stake: a new fiscal stake for the project is still capped by the disbursement.
    const beyond = await t
      .post(
        '/v1/stakes',
        {
          entityId: farm,
          householdId: li,
          projectId,
          source: 'fiscal_fund',
          principalFen: 1,
          shares: 1,
          startsOn: '2019-01-01',
        },
        clerk,
      )
      .expect(422);
    expect(beyond.body.code).toBe('STAKE.EXCEEDS_DISBURSEMENT');

    // A stake moves once: the old one has ended.
    expect((await transfer({ effectiveOn: '2019-03-01' }).expect(422)).body.code).toBe('STAKE.TRANSFER_OF_ENDED_STAKE');
  });

  it('reverses a guarantee top-up through the shared reversal route, and the shortfall is owed again', async () => {
    const newStake = `${farm}.s3`;
    const topup = at(
      await t
        .post(
          `/v1/stakes/${newStake}/guarantee-topups`,
          { period: '2019-H1', amountFen: 500_00, paidOn: '2019-08-01', payer: 'project' },
          clerk,
        )
        .expect(201),
    );
    expect(topup.body.id).toBe(`${newStake}.p1`);
    const reversal = at(
      await t.post(`/v1/payments/${newStake}.p1/reversal`, { reason: '付款方录错' }, clerk).expect(201),
    );
    expect(reversal.body.id).toBe(`${newStake}.p1.r`);
    expect(
      (await t.post(`/v1/payments/${newStake}.p1/reversal`, { reason: '再次' }, clerk).expect(422)).body.code,
    ).toBe('PAYMENT.ALREADY_REVERSED');

    const owed = await t
      .get(`/v1/households/${li}/obligations?dueBy=2019-06-30&minPosition=${position}`, clerk)
      .expect(200);
    expect(owed.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'guarantee',
        period: '2019-H1',
        dueFen: 500_00,
        paidFen: 0,
        outstandingFen: 500_00,
      }),
    );
    const statement = await t.get(`/v1/households/${li}/statement?minPosition=${position}`, clerk).expect(200);
    expect((statement.body.lines as Line[]).find((l) => l.paymentId === `${newStake}.p1`)).toMatchObject({
      kind: 'guarantee_topup',
      status: 'reversed',
    });
    expect(statement.body.totalFen).toBe(1_500_00);
    const flow = await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${position}`).expect(200);
    expect(flow.body.guaranteeTopups).toEqual([]);
    expect(flow.body.totals.guaranteeTopupsFen).toBe(0);

    // Topped up again, it is the stake's next payment.
    const again = await t
      .post(
        `/v1/stakes/${newStake}/guarantee-topups`,
        { period: '2019-H1', amountFen: 500_00, paidOn: '2019-08-05', payer: 'project' },
        clerk,
      )
      .expect(201);
    expect(again.body.id).toBe(`${newStake}.p2`);
  });
});
