import { startTestApp, type TestApp } from './support/test-app';

const fieldsOf = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();

/**
 * The auditor's first questions about one county (罗田县), through HTTP: where its money is left over
 * (received but not disbursed, disbursed but not turned into stakes, allocated but not paid), which
 * entities owe households what (by name, largest first; a clerk sees its own township's households),
 * and how many households an entity lifts (带贫户数).
 */
describe('county fund flow, arrears by entity and the entity report over HTTP', () => {
  let t: TestApp;
  let position = 0;
  const ok = async (path: string, body: unknown, token?: string): Promise<string> => {
    const res = await t.post(path, body, token).expect(201);
    position = Math.max(position, res.body.position as number);
    return res.body.id as string;
  };
  let pv: string; // 凤山光伏电站, 凤山镇
  let tea: string; // 骆驼坳茶叶合作社, 骆驼坳镇
  let wang: string; // 凤山镇
  let zhao: string; // 凤山镇
  let sun: string; // 骆驼坳镇
  let projectId: string;
  let loanId: string;
  let clerk: string; // 凤山镇

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['凤山镇'] });
    const entity = (name: string, kind: string, township: string) =>
      ok('/v1/entities', { name, kind, township, county: '罗田县' });
    pv = await entity('凤山光伏电站', 'pv_station', '凤山镇');
    tea = await entity('骆驼坳茶叶合作社', 'cooperative', '骆驼坳镇');
    const household = (registrationNo: string, headName: string, township: string) =>
      ok('/v1/households', { registrationNo, headName, members: 4, village: '东安河村', township, county: '罗田县' });
    wang = await household('421123010100001', '王五', '凤山镇');
    zhao = await household('421123010100002', '赵六', '凤山镇');
    sun = await household('421123020100003', '孙七', '骆驼坳镇');

    // 50,000 received, 20,000 disbursed (30,000 left undisbursed), 15,000 turned into stakes (5,000 unstaked).
    projectId = await ok('/v1/projects', {
      name: '罗田光伏扶贫项目',
      industry: 'pv',
      county: '罗田县',
      assistanceModel: 'project_driven',
    });
    await ok(`/v1/projects/${projectId}/funds`, {
      source: 'central',
      amountFen: 50_000_00,
      documentRef: '财农〔2018〕1号',
      receivedOn: '2018-01-05',
    });
    await ok(`/v1/projects/${projectId}/disbursements`, {
      entityId: pv,
      amountFen: 20_000_00,
      purpose: '建设村级光伏电站',
      disbursedOn: '2018-01-20',
    });
    const fiscal = (householdId: string, principalFen: number) =>
      ok('/v1/stakes', {
        entityId: pv,
        householdId,
        projectId,
        source: 'fiscal_fund',
        principalFen,
        shares: principalFen / 100_00,
        startsOn: '2018-02-01',
      });
    await fiscal(wang, 8_000_00);
    await fiscal(zhao, 7_000_00);
    // 3,000 allocated for 2018 (1,600 and 1,400), 王五's paid: 1,400 allocated but unpaid.
    const declaration = await ok(`/v1/entities/${pv}/dividends`, {
      period: '2018',
      declaredOn: '2019-01-10',
      recordDate: '2018-12-31',
      poolFen: 3_000_00,
    });
    await ok(`/v1/dividends/${declaration}/payments`, { householdId: wang, amountFen: 1_600_00, paidOn: '2019-01-15' });

    // The tea cooperative leases 孙七's land (1,000 a year), paid 400 of 2018's rent, and employs 赵六.
    const lease = await ok('/v1/leases', {
      entityId: tea,
      householdId: sun,
      areaMu: '2.00',
      rentPerMuYearFen: 500_00,
      startsOn: '2018-01-01',
      endsOn: '2020-12-31',
      schedule: 'yearly',
    });
    await ok(`/v1/leases/${lease}/payments`, { period: '2018', amountFen: 400_00, paidOn: '2018-03-01' });
    const job = await ok('/v1/employments', {
      entityId: tea,
      householdId: zhao,
      workerName: '赵六',
      startsOn: '2018-03-01',
      wageBasis: 'monthly',
      rateFen: 2_000_00,
    });
    await ok(`/v1/employments/${job}/payments`, { period: '2018-04', amountFen: 2_000_00, paidOn: '2018-05-05' });

    // 孙七's micro-loan, its interest subsidised by the county itself (no project).
    loanId = await ok('/v1/loans', {
      householdId: sun,
      lender: '罗田县农商银行',
      contractNo: 'LT-2018-001',
      principalFen: 3_000_000,
      annualRateBp: 435,
      disbursedOn: '2018-03-01',
      maturesOn: '2021-03-01',
      use: 'own_production',
      subsidy: { rateBp: 435, payer: 'county' },
    });
    await ok(`/v1/loans/${loanId}/repayments`, {
      principalFen: 0,
      interestFen: 1_087_50,
      paidOn: '2018-12-20',
      paidBy: 'household',
    });
    await ok(`/v1/loans/${loanId}/subsidies`, { amountFen: 1_087_50, paidOn: '2018-12-25' });
  });
  afterAll(() => t.close());

  it('sums the county’s projects, with each leftover non-zero and explained, and the county’s own subsidies', async () => {
    const flow = await t.get(`/v1/audit/fund-flow?county=罗田县&minPosition=${position}`).expect(200);
    expect(flow.body.projects).toEqual([
      {
        projectId,
        projectName: '罗田光伏扶贫项目',
        assistanceModel: 'project_driven',
        totals: expect.objectContaining({ fundsFen: 50_000_00, disbursedFen: 20_000_00, stakePrincipalFen: 15_000_00 }),
      },
    ]);
    expect(flow.body.leftovers).toEqual({
      // Received 50,000, disbursed 20,000.
      undisbursedFen: 30_000_00,
      // Disbursed 20,000 to the PV station, 15,000 of it turned into 王五's and 赵六's stakes.
      unstakedFen: 5_000_00,
      // Allocated 3,000 for 2018, 王五's 1,600 paid: 赵六's 1,400 is not.
      unpaidFen: 1_400_00,
    });
    expect(flow.body.totals).toMatchObject({
      fundsFen: 50_000_00,
      dividendsPaidFen: 1_600_00,
      subsidisedFen: 1_087_50,
      countySubsidisedFen: 1_087_50,
    });
    expect(flow.body.credit).toEqual([expect.objectContaining({ loanId, householdId: sun, subsidisedFen: 1_087_50 })]);
    const csv = await t.get('/v1/audit/fund-flow?county=罗田县').set('Accept', 'text/csv').expect(200);
    expect(csv.text).toContain(`subsidy,fund_source,county,县级财政专项扶贫资金,household,${sun},孙七,108750,1087.50`);

    // One of the two: a project's flow, or a county's.
    const both = await t.get(`/v1/audit/fund-flow?county=罗田县&projectId=${projectId}`).expect(400);
    expect(fieldsOf(both.body)).toEqual(['county']);
    const neither = await t.get('/v1/audit/fund-flow').expect(400);
    expect(fieldsOf(neither.body)).toEqual(['projectId']);
    await t.get('/v1/audit/fund-flow?county=罗田县', clerk).expect(403);
  });

  it('lists the county’s arrears by entity name, largest first; a clerk sees its own township’s households', async () => {
    const all = await t.get(`/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&minPosition=${position}`).expect(200);
    expect(all.body).toEqual({
      dueBy: '2019-12-31',
      asOf: expect.any(String),
      entities: [
        // 2018's rent 1,000 (400 paid) and 2019's 1,000, owed to 孙七.
        {
          entity: { id: tea, name: '骆驼坳茶叶合作社', township: '骆驼坳镇' },
          households: 1,
          dueFen: 2_000_00,
          paidFen: 400_00,
          outstandingFen: 1_600_00,
          oldestDueOn: expect.stringMatching(/^2018-/),
        },
        // 赵六's 2018 dividend; 王五 was paid in full and is not counted.
        {
          entity: { id: pv, name: '凤山光伏电站', township: '凤山镇' },
          households: 1,
          dueFen: 3_000_00,
          paidFen: 1_600_00,
          outstandingFen: 1_400_00,
          oldestDueOn: expect.stringMatching(/^2019-/),
        },
      ],
      totals: { dueFen: 5_000_00, paidFen: 2_000_00, outstandingFen: 3_000_00 },
      total: 2,
    });

    const township = await t.get('/v1/audit/arrears?county=罗田县&township=骆驼坳镇&dueBy=2019-12-31').expect(200);
    expect(township.body.entities.map((e: { entity: { name: string } }) => e.entity.name)).toEqual([
      '骆驼坳茶叶合作社',
    ]);

    // The 凤山镇 clerk: 孙七 is another township's household, so the tea cooperative owes it nothing it may see.
    const mine = await t.get('/v1/audit/arrears?county=罗田县&dueBy=2019-12-31', clerk).expect(200);
    expect(mine.body.entities.map((e: { entity: { name: string } }) => e.entity.name)).toEqual(['凤山光伏电站']);
    expect(mine.body.totals.outstandingFen).toBe(1_400_00);

    // Before the dividend was declared, the PV station owed nothing.
    const early = await t.get('/v1/audit/arrears?county=罗田县&dueBy=2018-12-31').expect(200);
    expect(
      early.body.entities.map((e: { entity: { name: string }; outstandingFen: number }) => [
        e.entity.name,
        e.outstandingFen,
      ]),
    ).toEqual([['骆驼坳茶叶合作社', 600_00]]);

    const csv = await t.get('/v1/audit/arrears?county=罗田县&dueBy=2019-12-31').set('Accept', 'text/csv').expect(200);
    const [header, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('经营主体,乡镇,欠付户数,应付（元）,已付（元）,未付（元）,主体编号');
    expect(first).toBe(`骆驼坳茶叶合作社,骆驼坳镇,1,2000.00,400.00,1600.00,${tea}`);

    // Sorted on the server, the CSV in the same order; an unknown sort names `sort` and what it may be.
    const names = async (sort: string) =>
      (await t.get(`/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&sort=${sort}`).expect(200)).body.entities.map(
        (e: { entity: { name: string } }) => e.entity.name,
      );
    expect(await names('outstanding')).toEqual(['凤山光伏电站', '骆驼坳茶叶合作社']);
    expect(await names('-outstanding')).toEqual(['骆驼坳茶叶合作社', '凤山光伏电站']);
    expect(await names('oldestDue')).toEqual(['骆驼坳茶叶合作社', '凤山光伏电站']);
    expect(await names('-oldestDue')).toEqual(['凤山光伏电站', '骆驼坳茶叶合作社']);
    expect(await names('-entity')).toEqual([...(await names('entity'))].reverse());
    const sortedCsv = await t
      .get('/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&sort=outstanding')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(sortedCsv.text.replace(/^\uFEFF/, '').split('\r\n')[1]).toMatch(/^凤山光伏电站,/);
    const badSort = await t.get('/v1/audit/arrears?sort=households').expect(400);
    expect(badSort.body.errors).toEqual([
      expect.objectContaining({ path: 'sort', message: expect.stringContaining('outstanding, entity, oldestDue') }),
    ]);

    // A page at a time (issue 18): the totals and `total` cover every page; the CSV carries them all.
    const firstPage = (await t.get('/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&limit=1').expect(200)).body;
    expect(firstPage).toMatchObject({ total: 2, totals: { outstandingFen: 3_000_00 }, nextCursor: expect.any(String) });
    expect(firstPage.entities.map((e: { entity: { id: string } }) => e.entity.id)).toEqual([tea]);
    const second = (
      await t
        .get(`/v1/audit/arrears?county=罗田县&limit=1&cursor=${encodeURIComponent(firstPage.nextCursor)}`)
        .expect(200)
    ).body;
    // The next page is taken as of the first page's instant and due date.
    expect(second).toMatchObject({ total: 2, asOf: firstPage.asOf, dueBy: '2019-12-31' });
    expect(second.entities.map((e: { entity: { id: string } }) => e.entity.id)).toEqual([pv]);
    expect(second.nextCursor).toBeUndefined();
    const everyRow = await t
      .get('/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&limit=1')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(
      everyRow.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(3);
    for (const cursor of [`${firstPage.nextCursor as string}x`, 'bm90IGEgY3Vyc29y']) {
      const refused = await t.get(`/v1/audit/arrears?limit=1&cursor=${encodeURIComponent(cursor)}`).expect(400);
      expect(fieldsOf(refused.body)).toEqual(['cursor']);
    }
    const otherSort = await t
      .get(`/v1/audit/arrears?limit=1&sort=entity&cursor=${encodeURIComponent(firstPage.nextCursor)}`)
      .expect(400);
    expect(fieldsOf(otherSort.body)).toEqual(['cursor']);
    const otherDate = await t
      .get(`/v1/audit/arrears?limit=1&dueBy=2018-12-31&cursor=${encodeURIComponent(firstPage.nextCursor)}`)
      .expect(400);
    expect(fieldsOf(otherDate.body)).toEqual(['cursor']);
    expect(fieldsOf((await t.get('/v1/audit/arrears?limit=0').expect(400)).body)).toEqual(['limit']);

    // By kind of obligation (the arrears' form): rents are the tea cooperative's, dividends the PV station's.
    const ofKind = async (kind: string) =>
      (await t.get(`/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&kind=${kind}`).expect(200)).body;
    expect((await ofKind('rent')).entities.map((e: { entity: { id: string } }) => e.entity.id)).toEqual([tea]);
    expect(await ofKind('dividend')).toMatchObject({ total: 1, totals: { outstandingFen: 1_400_00 } });
    expect((await ofKind('distribution')).entities).toEqual([]);
    expect(fieldsOf((await t.get('/v1/audit/arrears?kind=wage').expect(400)).body)).toEqual(['kind']);

    const household = await t.userToken({ role: 'household', householdId: sun });
    await t.get('/v1/audit/arrears', household).expect(403);
    const bad = await t.get('/v1/audit/arrears?dueBy=2019-02-30&entity=x').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['dueBy', 'entity']);
  });

  it('answers the arrears with the figures each entity’s own obligations give, for every role', async () => {
    const asOf = new Date().toISOString();
    for (const token of [undefined, clerk]) {
      const list = await t
        .get(`/v1/audit/arrears?county=罗田县&dueBy=2019-12-31&asOf=${asOf}&minPosition=${position}`, token)
        .expect(200);
      for (const row of list.body.entities as { entity: { id: string }; dueFen: number; outstandingFen: number }[]) {
        const own = await t.get(`/v1/entities/${row.entity.id}/obligations?dueBy=2019-12-31&asOf=${asOf}`).expect(200);
        const outstanding = (own.body.items as { householdId?: string; outstandingFen: number }[])
          .filter((i) => token === undefined || [wang, zhao].includes(i.householdId ?? ''))
          .reduce((sum, i) => sum + i.outstandingFen, 0);
        expect(row.outstandingFen).toBe(outstanding);
      }
    }
  });

  it('gives the console’s diagram every project’s flow and the households’ places in one answer', async () => {
    const county = await t.get(`/v1/audit/fund-flow?county=罗田县&detail=sankey&minPosition=${position}`).expect(200);
    const own = await t.get(`/v1/audit/fund-flow?projectId=${projectId}`).expect(200);
    // The county's read (every project at once) answers each project exactly as its own read does.
    expect(county.body.projectFlows).toEqual([own.body]);
    expect(county.body.households).toEqual(
      [
        { householdId: wang, headName: '王五', village: '东安河村', township: '凤山镇' },
        { householdId: zhao, headName: '赵六', village: '东安河村', township: '凤山镇' },
        // The county subsidises 孙七's loan itself.
        { householdId: sun, headName: '孙七', village: '东安河村', township: '骆驼坳镇' },
      ].sort((a, b) => (a.householdId < b.householdId ? -1 : 1)),
    );
    // Without detail, the document is as before.
    const plain = await t.get('/v1/audit/fund-flow?county=罗田县').expect(200);
    expect(plain.body).not.toHaveProperty('projectFlows');
    const { projectFlows: _flows, households: _places, ...rest } = county.body;
    expect(rest).toEqual(plain.body);
    const project = await t.get(`/v1/audit/fund-flow?projectId=${projectId}&detail=sankey`).expect(200);
    expect(project.body.households.map((h: { householdId: string }) => h.householdId).sort()).toEqual(
      [wang, zhao].sort(),
    );
    const bad = await t.get('/v1/audit/fund-flow?county=罗田县&detail=all').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['detail']);
  });

  it('reports the households an entity lifts in a year, what it paid them and still owes', async () => {
    const report = await t.get(`/v1/entities/${tea}/report?year=2018&minPosition=${position}`).expect(200);
    expect(report.body).toEqual({
      entity: { id: tea, name: '骆驼坳茶叶合作社', kind: 'cooperative', township: '骆驼坳镇', county: '罗田县' },
      year: 2018,
      households: { total: 2, byForm: { equity: 0, lease: 1, labour: 1, order: 0, collective: 0 } },
      workers: 1,
      paidFen: { total: 2_400_00, byForm: { equity: 0, lease: 400_00, labour: 2_000_00, order: 0, collective: 0 } },
      // Due by 2018-12-31: only 2018's rent, 600 still owed.
      outstandingFen: 600_00,
    });
    const pvReport = await t.get(`/v1/entities/${pv}/report?year=2019`).expect(200);
    expect(pvReport.body).toMatchObject({
      households: { total: 2, byForm: { equity: 2 } },
      workers: 0,
      paidFen: { total: 1_600_00 },
      outstandingFen: 1_400_00,
    });
    const noYear = await t.get(`/v1/entities/${tea}/report`).expect(400);
    expect(fieldsOf(noYear.body)).toEqual(['year']);
    await t.get(`/v1/entities/${tea}/report?year=2018`, clerk).expect(403);
  });

  it('narrows an entity report to a clerk’s own townships’ households; county roles see all', async () => {
    // The tea cooperative leases 孙七's land (骆驼坳镇) and employs 赵六 (凤山镇): its own township's
    // clerk sees 孙七 only, as the arrears and the obligations show a clerk its own households.
    const teaClerk = await t.userToken({ role: 'clerk', townships: ['骆驼坳镇'] });
    const mine = await t.get(`/v1/entities/${tea}/report?year=2018`, teaClerk).expect(200);
    expect(mine.body).toMatchObject({
      households: { total: 1, byForm: { equity: 0, lease: 1, labour: 0, order: 0, collective: 0 } },
      workers: 0,
      paidFen: { total: 400_00, byForm: { lease: 400_00, labour: 0 } },
      outstandingFen: 600_00,
    });
    // The PV station's clerk (凤山镇) sees both its households, as an auditor does.
    const auditor = await t.userToken({ role: 'auditor' });
    const asAuditor = await t.get(`/v1/entities/${pv}/report?year=2019`, auditor).expect(200);
    const asClerk = await t.get(`/v1/entities/${pv}/report?year=2019`, clerk).expect(200);
    expect(asClerk.body).toEqual(asAuditor.body);
    expect(asAuditor.body.households.total).toBe(2);
  });
});
