import { setTimeout as sleep } from 'node:timers/promises';
import type { Statement } from '../libs/ledger/src/statements/statement.view';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A household's statement (明白卡) over HTTP, from the village story of the domain brief: 张三 is a
 * shareholder of the orchard company (a 2,000 yuan dividend for the first half-year, from a pro-rata
 * declaration, on shares bought with a project's fiscal funds), holds a cattle-farm stake guaranteed
 * 4,000 a year (paid 2,000 per half-year), works at the picking garden for close to 2,000 a month,
 * leases 2.50 mu of land to the orchard, and sells it kiwi fruit.
 */
describe('household statement over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let clerkId: string;
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let zhangUser: string;
  let liUser: string;
  let zhang: string;
  let li: string;
  let orchard: string;
  let cattleFarm: string;
  let garden: string;
  let projectId: string;
  let leaseId: string;
  let employmentId: string;
  let orderId: string;
  let position = 0;
  const paid: Record<string, string> = {};

  /** Notes the position of a write, so later queries wait for it (`minPosition`). */
  const at = <Res extends { body: unknown }>(res: Res): Res => {
    position = Math.max(position, (res.body as { position?: number }).position ?? 0);
    return res;
  };
  const statement = (query = '', token?: string, householdId = zhang) =>
    t.get(`/v1/households/${householdId}/statement?minPosition=${position}${query ? `&${query}` : ''}`, token);
  const household = async (registrationNo: string, headName: string) =>
    at(
      await t
        .post('/v1/households', {
          registrationNo,
          headName,
          members: 4,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
        })
        .expect(201),
    ).body.id as string;
  const entity = async (name: string, kind: string) =>
    at(await t.post('/v1/entities', { name, kind, township: '城关镇', county: '英山县' }).expect(201)).body
      .id as string;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const created = await t.post('/v1/users', { name: '王会计', role: 'clerk', townships: ['城关镇'] }).expect(201);
    clerk = created.body.token as string;
    clerkId = created.body.id as string;
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });

    zhang = await household('421127010100101', '张三');
    li = await household('421127010100102', '李四');
    zhangUser = await t.userToken({ role: 'household', householdId: zhang });
    liUser = await t.userToken({ role: 'household', householdId: li });
    orchard = await entity('桃园果业有限公司', 'company');
    cattleFarm = await entity('石头村养牛合作社', 'cooperative');
    garden = await entity('桃园采摘园', 'base');

    // Fiscal funds reach the orchard through a project and become 张三's shares (资金变股金).
    projectId = at(
      await t.post('/v1/projects', { name: '桃园产业扶贫项目', industry: 'planting', county: '英山县' }).expect(201),
    ).body.id as string;
    for (const [source, amountFen, documentRef] of [
      ['central', 30_000_00, '财农〔2018〕1号'],
      ['county', 10_000_00, '英财农〔2018〕12号'],
    ] as const) {
      at(
        await t
          .post(`/v1/projects/${projectId}/funds`, { source, amountFen, documentRef, receivedOn: '2018-01-10' })
          .expect(201),
      );
    }
    at(
      await t
        .post(`/v1/projects/${projectId}/disbursements`, {
          entityId: orchard,
          amountFen: 20_000_00,
          purpose: '果园建设',
          disbursedOn: '2018-02-01',
        })
        .expect(201),
    );
    const stake = (body: Record<string, unknown>) =>
      t.post('/v1/stakes', { principalFen: 5_000_00, startsOn: '2017-12-01', ...body }, clerk).expect(201);
    at(await stake({ entityId: orchard, householdId: zhang, source: 'fiscal_fund', projectId, shares: 20 }));
    at(await stake({ entityId: orchard, householdId: li, source: 'cash', shares: 80 }));
    at(
      await stake({
        entityId: cattleFarm,
        householdId: zhang,
        source: 'cash',
        shares: 1,
        guaranteedYearlyFen: 4_000_00,
        endsOn: '2020-11-30',
      }),
    );

    // Payments, in the order the clerk records them.
    leaseId = at(
      await t
        .post(
          '/v1/leases',
          {
            entityId: orchard,
            householdId: zhang,
            areaMu: '2.50',
            rentPerMuYearFen: 800_00,
            startsOn: '2018-01-01',
            endsOn: '2020-12-31',
            schedule: 'yearly',
          },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    paid.rent = at(
      await t
        .post(`/v1/leases/${leaseId}/payments`, { period: '2018', amountFen: 2_000_00, paidOn: '2018-03-01' }, clerk)
        .expect(201),
    ).body.id as string;

    const cattleDividend = at(
      await t
        .post(
          `/v1/entities/${cattleFarm}/dividends`,
          { period: '2018-H1', declaredOn: '2018-07-01', recordDate: '2018-06-30' },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    paid.guaranteed = at(
      await t
        .post(
          `/v1/dividends/${cattleDividend}/payments`,
          { householdId: zhang, amountFen: 2_000_00, paidOn: '2018-07-05' },
          clerk,
        )
        .expect(201),
    ).body.id as string;

    const orchardDividend = at(
      await t
        .post(
          `/v1/entities/${orchard}/dividends`,
          { period: '2018-H1', declaredOn: '2018-07-10', recordDate: '2018-06-30', poolFen: 10_000_00 },
          clerk,
        )
        .expect(201),
    );
    expect(orchardDividend.body.allocations).toEqual([
      expect.objectContaining({ householdId: zhang, amountFen: 2_000_00 }),
      expect.objectContaining({ householdId: li, amountFen: 8_000_00 }),
    ]);
    paid.dividend = at(
      await t
        .post(
          `/v1/dividends/${orchardDividend.body.id}/payments`,
          { householdId: zhang, amountFen: 2_000_00, paidOn: '2018-07-15' },
          clerk,
        )
        .expect(201),
    ).body.id as string;

    employmentId = at(
      await t
        .post(
          '/v1/employments',
          {
            entityId: garden,
            householdId: zhang,
            workerName: '张三',
            startsOn: '2018-03-15',
            wageBasis: 'monthly',
            rateFen: 1_980_00,
          },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    paid.wage = at(
      await t
        .post(
          `/v1/employments/${employmentId}/payments`,
          { period: '2018-07', amountFen: 1_980_00, paidOn: '2018-08-05' },
          clerk,
        )
        .expect(201),
    ).body.id as string;

    orderId = at(
      await t
        .post(
          '/v1/orders',
          {
            entityId: orchard,
            householdId: zhang,
            product: '猕猴桃',
            unit: '公斤',
            priceFen: 380,
            startsOn: '2018-08-01',
            endsOn: '2018-10-31',
          },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    paid.purchase = at(
      await t
        .post(
          `/v1/orders/${orderId}/payments`,
          { quantity: '12.5', amountFen: 47_50, deliveredOn: '2018-09-10', paidOn: '2018-09-15', reference: 'PZ-0915' },
          clerk,
        )
        .expect(201),
    ).body.id as string;
  });
  afterAll(() => t.close());

  const EXPLANATIONS_ZH = () => [
    '桃园果业有限公司 2018年土地流转租金：2.50 亩 × 800.00 元/亩/年 × 1 年 = 2,000.00 元',
    '石头村养牛合作社 2018年上半年保底分红：每年保底 4,000.00 元 × 1/2 年 = 2,000.00 元',
    '桃园果业有限公司 2018年上半年分红：您持有 20 股，共 100 股，分红总额 10,000.00 元，按股分得 2,000.00 元' +
      '（股金来源：桃园产业扶贫项目，中央财政资金 30,000.00 元、县级财政资金 10,000.00 元）',
    '桃园采摘园 2018年7月工资：张三，月薪 1,980.00 元',
    '桃园果业有限公司 收购猕猴桃 12.5 公斤 × 3.80 元/公斤 = 47.50 元（2018年9月10日交售）',
  ];

  it('lists every payment with its explanation and basis, and totals by form', async () => {
    const res = await statement().expect(200);
    const s = res.body as Statement;
    expect(s).toMatchObject({
      household: { id: zhang, registrationNo: '421127010100101', headName: '张三', township: '城关镇' },
      from: null,
      to: null,
      asOf: null,
      totalFen: 2_000_00 * 3 + 1_980_00 + 47_50,
      byForm: { equity: 4_000_00, lease: 2_000_00, labour: 1_980_00, order: 47_50, collective: 0, credit: 0 },
    });
    expect(s.position).toBeGreaterThanOrEqual(position);
    expect(s.lines.map((l) => l.paymentId)).toEqual([
      paid.rent,
      paid.guaranteed,
      paid.dividend,
      paid.wage,
      paid.purchase,
    ]);
    expect(s.lines.map((l) => l.explanation)).toEqual(EXPLANATIONS_ZH());

    const [rent, guaranteed, dividend, wage, purchase] = s.lines;
    expect(rent).toEqual({
      paymentId: paid.rent,
      paidOn: '2018-03-01',
      amountFen: 2_000_00,
      form: 'lease',
      kind: 'rent',
      entity: { id: orchard, name: '桃园果业有限公司' },
      linkageId: leaseId,
      period: '2018',
      explanation: EXPLANATIONS_ZH()[0],
      basis: { leaseId, areaMu: '2.50', rentPerMuYearFen: 800_00, periodShare: '1', dueFen: 2_000_00 },
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      recordedBy: clerkId,
      reversed: false,
      reference: null,
      status: 'paid',
    });
    expect(guaranteed).toMatchObject({
      form: 'equity',
      kind: 'dividend',
      entity: { id: cattleFarm, name: '石头村养牛合作社' },
      period: '2018-H1',
      basis: {
        stakeIds: [`${cattleFarm}.s1`],
        shares: 1,
        totalShares: 1,
        guaranteedYearlyFen: 4_000_00,
        periodShare: '1/2',
        allocatedFen: 2_000_00,
        projects: [],
      },
    });
    expect(guaranteed.basis).not.toHaveProperty('poolFen');
    expect(dividend).toMatchObject({
      kind: 'dividend',
      linkageId: expect.stringMatching(/^dividend-/),
      basis: {
        declarationId: dividend.linkageId,
        stakeIds: [`${orchard}.s1`],
        shares: 20,
        totalShares: 100,
        poolFen: 10_000_00,
        periodShare: '1/2',
        allocatedFen: 2_000_00,
        projects: [
          {
            projectId,
            projectName: '桃园产业扶贫项目',
            fundSources: [
              { source: 'central', amountFen: 30_000_00 },
              { source: 'county', amountFen: 10_000_00 },
            ],
          },
        ],
      },
    });
    expect(wage).toMatchObject({
      form: 'labour',
      kind: 'wage',
      entity: { id: garden, name: '桃园采摘园' },
      linkageId: employmentId,
      period: '2018-07',
      basis: { employmentId, workerName: '张三', wageBasis: 'monthly', rateFen: 1_980_00, supplementary: false },
    });
    expect(purchase).toMatchObject({
      form: 'order',
      kind: 'purchase',
      linkageId: orderId,
      amountFen: 47_50,
      reference: 'PZ-0915',
      status: 'paid',
      // A number, exactly as recorded (v1 answered the string "12.5").
      basis: { orderId, product: '猕猴桃', unit: '公斤', quantity: 12.5, priceFen: 380 },
    });
  });

  it('v2: adds byYear, holdings as recorded, what is still owed and the contact', async () => {
    const s = (await statement().expect(200)).body as Statement;
    expect(s.byYear).toEqual([
      {
        year: 2018,
        totalFen: s.totalFen,
        byForm: { equity: 4_000_00, lease: 2_000_00, labour: 1_980_00, order: 47_50, collective: 0, credit: 0 },
      },
    ]);
    expect(s.holdings.stakes).toEqual([
      expect.objectContaining({
        entity: { id: orchard, name: '桃园果业有限公司' },
        source: 'fiscal_fund',
        project: { id: projectId, name: '桃园产业扶贫项目' },
        principalFen: 5_000_00,
        shares: 20,
        startsOn: '2017-12-01',
        status: 'active',
      }),
      expect.objectContaining({
        entity: { id: cattleFarm, name: '石头村养牛合作社' },
        source: 'cash',
        guaranteedYearlyFen: 4_000_00,
        endsOn: '2020-11-30',
        // Its term is over (the test runs after 2020).
        status: 'ended',
      }),
    ]);
    expect(s.holdings.stakes[0]).not.toHaveProperty('endsOn');
    expect(s.holdings.leases).toEqual([
      {
        leaseId,
        entity: { id: orchard, name: '桃园果业有限公司' },
        areaMu: '2.50',
        rentPerMuYearFen: 800_00,
        startsOn: '2018-01-01',
        endsOn: '2020-12-31',
      },
    ]);
    expect(s.holdings.employments).toEqual([
      {
        employmentId,
        entity: { id: garden, name: '桃园采摘园' },
        workerName: '张三',
        wageBasis: 'monthly',
        rateFen: 1_980_00,
        startsOn: '2018-03-15',
      },
    ]);
    expect(s.holdings.orders).toEqual([
      {
        orderId,
        entity: { id: orchard, name: '桃园果业有限公司' },
        product: '猕猴桃',
        unit: '公斤',
        priceFen: 380,
        startsOn: '2018-08-01',
        endsOn: '2018-10-31',
      },
    ]);
    // The rent of 2019 and 2020 fell due and was never paid; the dividends were paid in full.
    // The rent still due, and the guaranteed stake's shortfalls (nothing declared on it: issue 14).
    const rent = s.owed.items.filter((i) => i.kind === 'rent');
    expect(rent).toEqual([
      expect.objectContaining({
        linkageId: leaseId,
        kind: 'rent',
        period: '2019',
        dueOn: '2019-01-01',
        outstandingFen: 2_000_00,
      }),
      expect.objectContaining({
        linkageId: leaseId,
        kind: 'rent',
        period: '2020',
        dueOn: '2020-01-01',
        outstandingFen: 2_000_00,
      }),
    ]);
    expect(rent[0].entity).toEqual({ id: orchard, name: '桃园果业有限公司' });
    expect(s.owed.items.some((i) => i.kind === 'guarantee')).toBe(true);
    expect(s.owed.outstandingFen).toBe(s.owed.items.reduce((sum, i) => sum + i.outstandingFen, 0));
    expect(s.contact).toEqual({ office: null, phone: null, hotline: '12317' });

    // As recorded at an instant before the lease was signed: no lease, nothing owed on it.
    const early = (await statement('asOf=2000-01-01T00:00:00Z').expect(200)).body as Statement;
    expect(early).toMatchObject({ lines: [], byYear: [], totalFen: 0, owed: { items: [], outstandingFen: 0 } });
    expect(early.holdings).toEqual({ stakes: [], leases: [], employments: [], orders: [], loans: [] });

    // The county's contact, once an admin sets it.
    const set = await t
      .put(`/v1/counties/${encodeURIComponent('英山县')}/contact`, {
        office: '英山县乡村振兴局',
        phone: '0713-7012345',
      })
      .expect(200);
    expect(set.body).toEqual({
      county: '英山县',
      office: '英山县乡村振兴局',
      phone: '0713-7012345',
      hotline: '12317',
      position: expect.any(Number),
    });
    position = Math.max(position, set.body.position as number);
    const after = (await statement().expect(200)).body as Statement;
    expect(after.contact).toEqual({ office: '英山县乡村振兴局', phone: '0713-7012345', hotline: '12317' });
  });

  it('v2: the contact is set by an admin only, with 400s naming the field', async () => {
    const url = `/v1/counties/${encodeURIComponent('英山县')}/contact`;
    const body = { office: '英山县乡村振兴局', phone: '0713-7012345' };
    await t.put(url, body, clerk).expect(403);
    await t.put(url, body, auditor).expect(403);
    await t.put(url, body, zhangUser).expect(403);
    await t.http.put(url).send(body).expect(401);
    const bad = await t.put(url, { office: '', phone: 'call me', hotline: 12317, extra: 1 }).expect(400);
    expect([...new Set((bad.body.errors as { path: string }[]).map((e) => e.path))].sort()).toEqual([
      'extra',
      'hotline',
      'office',
      'phone',
    ]);
    const missing = await t.put(url, {}).expect(400);
    expect((missing.body.errors as { path: string }[]).map((e) => e.path)).toEqual(
      expect.arrayContaining(['office', 'phone']),
    );
    await t.put(`/v1/counties/${encodeURIComponent(' 英山县')}/contact`, body).expect(400);
    const own = await t.put(url, { ...body, hotline: '0713-12317' }).expect(200);
    expect(own.body.hotline).toBe('0713-12317');
  });

  it('filters by paidOn, inclusive at both ends', async () => {
    const july = (await statement('from=2018-07-05&to=2018-07-15').expect(200)).body as Statement;
    expect(july).toMatchObject({ from: '2018-07-05', to: '2018-07-15', totalFen: 4_000_00 });
    expect(july.byForm).toEqual({ equity: 4_000_00, lease: 0, labour: 0, order: 0, collective: 0, credit: 0 });
    expect(july.lines.map((l) => l.paymentId)).toEqual([paid.guaranteed, paid.dividend]);
    const fromAugust = (await statement('from=2018-08-01').expect(200)).body as Statement;
    expect(fromAugust.lines.map((l) => l.paymentId)).toEqual([paid.wage, paid.purchase]);
    const untilMarch = (await statement('to=2018-03-01').expect(200)).body as Statement;
    expect(untilMarch.lines.map((l) => l.paymentId)).toEqual([paid.rent]);
  });

  it('speaks English with lang=en', async () => {
    const s = (await statement('lang=en').expect(200)).body as Statement;
    expect(s.lines.map((l) => l.explanation)).toEqual([
      'Land rent from 桃园果业有限公司 for 2018: 2.50 mu × 800.00 yuan/mu/year × 1 year = 2,000.00 yuan',
      'Guaranteed dividend from 石头村养牛合作社 for the first half of 2018: 4,000.00 yuan a year × 1/2 year = 2,000.00 yuan',
      'Dividend from 桃园果业有限公司 for the first half of 2018: you hold 20 of 100 shares; of a pool of ' +
        '10,000.00 yuan your share is 2,000.00 yuan (shares bought with the funds of 桃园产业扶贫项目: ' +
        'central fiscal funds 30,000.00 yuan, county fiscal funds 10,000.00 yuan)',
      'Wage from 桃园采摘园 for July 2018: 张三, monthly wage 1,980.00 yuan',
      '桃园果业有限公司 bought 12.5 公斤 of 猕猴桃 × 3.80 yuan/公斤 = 47.50 yuan (delivered 2018-09-10)',
    ]);
  });

  it('answers CSV with a BOM, a header row and one row per line', async () => {
    const res = await statement('from=2018-07-01&to=2018-07-31')
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'paymentId,paidOn,form,kind,entityName,period,amountFen,amountYuan,reversed,explanation,recordedAt,recordedBy,reference,status',
    );
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(
      new RegExp(
        `^${paid.guaranteed.replace(/\./g, '\\.')},2018-07-05,equity,dividend,石头村养牛合作社,2018-H1,200000,2000\\.00,false,` +
          `"石头村养牛合作社 2018年上半年保底分红：每年保底 4,000\\.00 元 × 1/2 年 = 2,000\\.00 元",` +
          `\\d{4}-[^,]+Z,${clerkId},,paid$`,
      ),
    );
    // Explanations hold commas, so they are quoted.
    expect(rows[2]).toContain(`"${EXPLANATIONS_ZH()[2]}"`);
  });

  it('shows the ledger as of an instant: payments recorded later are absent', async () => {
    const first = at(
      await t
        .post(
          `/v1/employments/${employmentId}/payments`,
          { period: '2018-08', amountFen: 1_980_00, paidOn: '2018-09-05' },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    await sleep(30);
    const between = new Date().toISOString();
    await sleep(30);
    const second = at(
      await t
        .post(
          `/v1/employments/${employmentId}/payments`,
          { period: '2018-09', amountFen: 1_980_00, paidOn: '2018-10-05' },
          clerk,
        )
        .expect(201),
    ).body.id as string;

    const now = (await statement().expect(200)).body as Statement;
    expect(now.lines.map((l) => l.paymentId)).toEqual(expect.arrayContaining([first, second]));
    expect(now.byForm.labour).toBe(3 * 1_980_00);

    const then = (await statement(`asOf=${encodeURIComponent(between)}`).expect(200)).body as Statement;
    expect(then.asOf).toBe(between);
    const ids = then.lines.map((l) => l.paymentId);
    expect(ids).toContain(first);
    expect(ids).not.toContain(second);
    expect(then.byForm.labour).toBe(2 * 1_980_00);
    expect(then.totalFen).toBe(now.totalFen - 1_980_00);

    // An instant in China Standard Time means the same.
    const cst = new Date(new Date(between).getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    const sameInCst = (await statement(`asOf=${encodeURIComponent(cst)}`).expect(200)).body as Statement;
    expect(sameInCst.lines.map((l) => l.paymentId)).toEqual(ids);
  });

  it('lists a reversed payment without counting it, and not as reversed as of before the reversal', async () => {
    const before = (await statement().expect(200)).body as Statement;
    const rentBefore = before.lines.find((l) => l.paymentId === paid.rent);
    expect(rentBefore).toMatchObject({ reversed: false });
    expect(rentBefore).not.toHaveProperty('reversal');
    await sleep(30);
    const between = new Date().toISOString();
    await sleep(30);

    const reversal = at(await t.post(`/v1/payments/${paid.rent}/reversal`, { reason: '重复录入' }, clerk).expect(201));
    const after = (await statement().expect(200)).body as Statement;
    const rentAfter = after.lines.find((l) => l.paymentId === paid.rent);
    expect(rentAfter).toMatchObject({
      reversed: true,
      amountFen: 2_000_00,
      reversal: { reversalId: reversal.body.id, reason: '重复录入', recordedAt: expect.any(String) },
    });
    expect(rentAfter!.status).toBe('reversed');
    // Said for the household; the clerk's reason stays in `reversal.reason`.
    expect(rentAfter!.explanation).toBe(
      `${EXPLANATIONS_ZH()[0]}（这笔记录有误，已经作废，不算入合计；如果应该给您，正确的一笔另行列出。）`,
    );
    expect(after.byForm.lease).toBe(0);
    expect(after.totalFen).toBe(before.totalFen - 2_000_00);

    const then = (await statement(`asOf=${encodeURIComponent(between)}`).expect(200)).body as Statement;
    const rentThen = then.lines.find((l) => l.paymentId === paid.rent);
    expect(rentThen).toMatchObject({ reversed: false, explanation: EXPLANATIONS_ZH()[0] });
    expect(rentThen).not.toHaveProperty('reversal');
    expect(then.totalFen).toBe(before.totalFen);

    const csv = await statement('to=2018-03-31').set('Accept', 'text/csv').expect(200);
    expect(csv.text).toContain(`${paid.rent},2018-03-01,lease,rent,桃园果业有限公司,2018,200000,2000.00,true,`);
    expect(csv.text).toMatch(/,,reversed\r\n/);
  });

  it('lets admins, auditors, the township’s clerks and the household itself read, and no one else', async () => {
    await statement('', clerk).expect(200);
    await statement('', auditor).expect(200);
    const own = await statement('', zhangUser).expect(200);
    expect(own.body.household.id).toBe(zhang);
    const other = await statement('', otherClerk).expect(403);
    expect(other.body.code).toBe('AUTH.NOT_YOURS');
    await statement('', liUser).expect(403);
    const liOwn = await statement('', liUser, li).expect(200);
    expect(liOwn.body).toMatchObject({ totalFen: 0, lines: [] });
    await t.http.get(`/v1/households/${zhang}/statement`).expect(401);
  });

  it('answers 404 for an unknown or malformed household and 400 naming bad query fields', async () => {
    await t.get('/v1/households/household-00000000-0000-5000-8000-000000000000/statement').expect(404);
    await t.get('/v1/households/nobody/statement').expect(404);
    const bad = await t
      .get(`/v1/households/${zhang}/statement?from=2018-02-30&to=July&asOf=yesterday&lang=fr&extra=1`)
      .expect(400);
    expect([...new Set((bad.body.errors as { path: string }[]).map((e) => e.path))].sort()).toEqual([
      'asOf',
      'extra',
      'from',
      'lang',
      'to',
    ]);
    const backwards = await t.get(`/v1/households/${zhang}/statement?from=2018-08-01&to=2018-07-01`).expect(400);
    expect(backwards.body.errors).toEqual([{ path: 'to', message: expect.any(String) }]);
    await t.get(`/v1/households/${zhang}/statement?asOf=2018-07-01T09:30:00`).expect(400);
  });
});
