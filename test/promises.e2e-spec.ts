import { startTestApp, type TestApp } from './support/test-app';

const fieldsOf = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();

/**
 * The domain brief's cattle-farm promise, through HTTP: 4,000 yuan a year for three years, 2,000 per
 * half-year, guaranteed by the project's fiscal funds; one half-year nothing is declared, and the
 * project tops it up.
 */
describe('promises: guarantees and top-ups over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
  });
  afterAll(() => t.close());

  it('tops up the unpaid half-year of the cattle farm’s promise from the project, and no more', async () => {
    const farm = (
      await t
        .post('/v1/entities', { name: '石头村养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
    const zhang = (
      await t
        .post('/v1/households', {
          registrationNo: '421127010100901',
          headName: '张三',
          members: 3,
          village: '石头村',
          township: '城关镇',
          county: '英山县',
        })
        .expect(201)
    ).body.id as string;
    const projectId = (
      await t.post('/v1/projects', { name: '肉牛养殖扶贫项目', industry: 'breeding', county: '英山县' }).expect(201)
    ).body.id as string;
    await t
      .post(`/v1/projects/${projectId}/funds`, {
        source: 'county',
        amountFen: 50_000_00,
        documentRef: '英财农〔2018〕12号',
        receivedOn: '2017-12-10',
      })
      .expect(201);
    await t
      .post(`/v1/projects/${projectId}/disbursements`, {
        entityId: farm,
        amountFen: 10_000_00,
        purpose: '购买基础母牛',
        disbursedOn: '2017-12-20',
      })
      .expect(201);
    const promise = {
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
    };

    // A promise has a term; a schedule or guarantor without a guarantee means nothing.
    const noTerm = await t.post('/v1/stakes', promise, clerk).expect(400);
    expect(fieldsOf(noTerm.body)).toEqual(['endsOn']);
    const stray = await t
      .post('/v1/stakes', { ...promise, guaranteedYearlyFen: undefined, endsOn: '2020-12-31' }, clerk)
      .expect(400);
    expect(fieldsOf(stray.body)).toEqual(['guaranteeSchedule', 'guarantor']);

    const stakeId = (await t.post('/v1/stakes', { ...promise, endsOn: '2020-12-31' }, clerk).expect(201)).body
      .id as string;

    // Every half-year is declared at the guaranteed 2,000 but 2019-H1.
    let position = 0;
    for (const [period, recordDate, declaredOn] of [
      ['2018-H1', '2018-06-30', '2018-07-10'],
      ['2018-H2', '2018-12-31', '2019-01-10'],
      ['2019-H2', '2019-12-31', '2020-01-10'],
      ['2020-H1', '2020-06-30', '2020-07-10'],
      ['2020-H2', '2020-12-31', '2021-01-10'],
    ]) {
      const declared = await t
        .post(`/v1/entities/${farm}/dividends`, { period, declaredOn, recordDate }, clerk)
        .expect(201);
      expect(declared.body.allocations).toEqual([{ stakeId, householdId: zhang, amountFen: 2_000_00 }]);
      position = declared.body.position as number;
    }
    // The top-up reads what was declared from the read models: let them catch up first.
    await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${position}`).expect(200);

    const topup = (body: Record<string, unknown>) =>
      t.post(
        `/v1/stakes/${stakeId}/guarantee-topups?lang=en`,
        {
          period: '2019-H1',
          amountFen: 2_000_00,
          paidOn: '2019-08-01',
          payer: 'project',
          ...body,
        },
        clerk,
      );

    const byEntity = await topup({ payer: 'entity' }).expect(422);
    expect(byEntity.body.code).toBe('GUARANTEE.WRONG_PAYER');
    const declaredHalf = await topup({ period: '2018-H1', amountFen: 1 }).expect(422);
    expect(declaredHalf.body.code).toBe('GUARANTEE.OVERPAYMENT');
    const notAPeriod = await topup({ period: '2019' }).expect(422);
    expect(notAPeriod.body.code).toBe('GUARANTEE.PERIOD_NOT_IN_SCHEDULE');

    const first = await topup({ amountFen: 1_500_00, reference: 'PZ-2019-0031' }).expect(201);
    expect(first.body).toEqual({ id: `${stakeId}.p1`, position: expect.any(Number) });
    const over = await topup({ amountFen: 500_01 }).expect(422);
    expect(over.body.code).toBe('GUARANTEE.OVERPAYMENT');
    expect(over.body.detail).toContain('500.00');
    const rest = await topup({ amountFen: 500_00 }).expect(201);
    expect(rest.body.id).toBe(`${stakeId}.p2`);
    const done = await topup({ amountFen: 1 }).expect(422);
    expect(done.body.code).toBe('GUARANTEE.OVERPAYMENT');

    // The household's statement shows the top-ups as equity lines with their figures.
    const statement = await t
      .get(`/v1/households/${zhang}/statement?minPosition=${rest.body.position as number}`)
      .expect(200);
    const topups = (statement.body.lines as { kind: string }[]).filter((l) => l.kind === 'guarantee_topup');
    expect(topups).toHaveLength(2);
    expect(topups[0]).toMatchObject({
      paymentId: `${stakeId}.p1`,
      form: 'equity',
      amountFen: 1_500_00,
      period: '2019-H1',
      entity: { id: farm, name: '石头村养牛合作社' },
      basis: {
        stakeId,
        period: '2019-H1',
        guaranteedFen: 2_000_00,
        declaredFen: 0,
        shortfallFen: 2_000_00,
        payer: 'project',
        projectId,
      },
    });
    expect((topups[0] as unknown as { explanation: string }).explanation).toContain('扶贫项目财政资金');
    // The declared dividends are not paid yet: only the top-ups are income so far.
    expect(statement.body.byForm.equity).toBe(2_000_00);

    // The entity's obligations list a guarantee item per half-year, the unpaid one topped up in full.
    const guaranteeItems = async (minPosition: number) =>
      (
        (await t.get(`/v1/entities/${farm}/obligations?dueBy=2021-12-31&minPosition=${minPosition}`).expect(200)).body
          .items as { kind: string }[]
      ).filter((i) => i.kind === 'guarantee');
    const items = await guaranteeItems(rest.body.position as number);
    expect(items.map((i) => i as unknown as { period: string; dueFen: number })).toHaveLength(6);
    expect(items[2]).toEqual({
      linkageId: stakeId,
      kind: 'guarantee',
      householdId: zhang,
      period: '2019-H1',
      dueOn: '2019-06-30',
      dueFen: 2_000_00,
      paidFen: 2_000_00,
      outstandingFen: 0,
      guarantor: 'project',
      projectId,
    });
    expect(items.filter((i) => (i as unknown as { dueFen: number }).dueFen > 0)).toHaveLength(1);

    // The fund flow lists the top-ups apart from dividends.
    const flow = await t
      .get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${rest.body.position as number}`)
      .expect(200);
    expect(flow.body.guaranteeTopups).toEqual([
      { stakeId, householdId: zhang, period: '2019-H1', payer: 'project', projectId, amountFen: 1_500_00 },
      { stakeId, householdId: zhang, period: '2019-H1', payer: 'project', projectId, amountFen: 500_00 },
    ]);
    expect(flow.body.totals.guaranteeTopupsFen).toBe(2_000_00);

    // The household's own obligations name the entity and the household on every item.
    const own = await t.userToken({ role: 'household', householdId: zhang });
    const mine = await t
      .get(`/v1/households/${zhang}/obligations?dueBy=2021-12-31&minPosition=${rest.body.position as number}`, own)
      .expect(200);
    expect(mine.body.household).toEqual({ id: zhang, headName: '张三', township: '城关镇' });
    expect(mine.body.items).toHaveLength(5 + 6);
    expect(mine.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'guarantee',
        period: '2019-H1',
        entity: { id: farm, name: '石头村养牛合作社' },
        household: { id: zhang, headName: '张三' },
      }),
    );
    expect(mine.body.totals).toEqual({
      dueFen: 12_000_00,
      paidFen: 2_000_00,
      outstandingFen: 10_000_00,
      byKind: {
        dividend: { dueFen: 10_000_00, paidFen: 0, outstandingFen: 10_000_00 },
        rent: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
        guarantee: { dueFen: 2_000_00, paidFen: 2_000_00, outstandingFen: 0 },
        distribution: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
      },
    });
    const otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    await t.get(`/v1/households/${zhang}/obligations`, otherClerk).expect(403);

    // A supplementary dividend declared later shrinks the shortfall below the top-ups: overpaid, never negative.
    const late = await t
      .post(
        `/v1/entities/${farm}/dividends`,
        { period: '2019-H1', declaredOn: '2019-09-01', recordDate: '2019-06-30', poolFen: 500_00, supplementary: true },
        clerk,
      )
      .expect(201);
    const [, , after] = await guaranteeItems(late.body.position as number);
    expect(after).toMatchObject({
      period: '2019-H1',
      dueFen: 1_500_00,
      paidFen: 2_000_00,
      outstandingFen: 0,
      overpaidFen: 500_00,
    });
  });

  it('refuses another township’s clerk and an unknown stake', async () => {
    const otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    const unknown = 'entity-00000000-0000-5000-8000-000000000000.s1';
    await t
      .post(
        `/v1/stakes/${unknown}/guarantee-topups`,
        { period: '2019', amountFen: 1, paidOn: '2019-08-01', payer: 'entity' },
        otherClerk,
      )
      .expect(404);
    await t
      .post(
        '/v1/stakes/not-a-stake/guarantee-topups',
        { period: '2019', amountFen: 1, paidOn: '2019-08-01', payer: 'entity' },
        otherClerk,
      )
      .expect(404);
  });
});
