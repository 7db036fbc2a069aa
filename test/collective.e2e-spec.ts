import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

const fieldsOf = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();
const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);

/**
 * The domain brief's tourism complex, through HTTP: it pays 500,000 yuan a year to a village
 * collective, which shares it over the village's 105 registered poor households (二次分配): first one
 * part per household, then by weights the village meeting decided; payments, one reversed; what the
 * households' statements, the obligations and the fund flow then say; and the refusals.
 */
describe('the village collective and its second distribution over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 石头镇
  let collective: string;
  let complex: string;
  let projectId: string;
  let declarationId: string;
  let households: string[];
  let first: { id: string; allocations: { householdId: string; amountFen: number }[] };
  let second: typeof first;
  let last = 0;

  /** Writes and keeps the position, to read after it with minPosition. */
  const write = async (path: string, body: unknown, token?: string) => {
    const res = await t.post(path, body, token).expect(201);
    last = Math.max(last, (res.body as { position: number }).position);
    return res.body as { id: string; position: number };
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['石头镇'] });
    collective = (
      await write('/v1/entities', {
        name: '石头村股份经济合作社',
        kind: 'village_collective',
        township: '石头镇',
        county: '英山县',
      })
    ).id;
    complex = (
      await write('/v1/entities', { name: '桃花谷旅游综合体', kind: 'company', township: '石头镇', county: '英山县' })
    ).id;
    projectId = (await write('/v1/projects', { name: '桃花谷乡村旅游扶贫项目', industry: 'tourism', county: '英山县' }))
      .id;
    await write(`/v1/projects/${projectId}/funds`, {
      source: 'county',
      amountFen: 5_000_000_00,
      documentRef: '英财农〔2018〕30号',
      receivedOn: '2018-01-10',
    });
    await write(`/v1/projects/${projectId}/disbursements`, {
      entityId: complex,
      amountFen: 5_000_000_00,
      purpose: '建设游客中心',
      disbursedOn: '2018-01-20',
    });
    households = [];
    for (let i = 1; i <= 105; i++) {
      const no = `4211270101${String(i).padStart(5, '0')}`;
      households.push(
        (
          await write('/v1/households', {
            registrationNo: no,
            headName: `户主${i}`,
            members: 1 + (i % 5),
            village: '石头村',
            township: '石头镇',
            county: '英山县',
          })
        ).id,
      );
    }
  }, 120_000);
  afterAll(() => t.close());

  it('lets a village collective hold a stake bought with fiscal funds, and no other holder in its place', async () => {
    const stake = await write(
      '/v1/stakes',
      {
        entityId: complex,
        collectiveId: collective,
        projectId,
        source: 'fiscal_fund',
        principalFen: 5_000_000_00,
        shares: 100,
        startsOn: '2018-01-20',
      },
      clerk,
    );
    expect(stake.id).toBe(`${complex}.s1`);

    const both = await t
      .post('/v1/stakes', {
        entityId: complex,
        collectiveId: collective,
        householdId: households[0],
        source: 'cash',
        principalFen: 100,
        shares: 1,
        startsOn: '2018-01-20',
      })
      .expect(400);
    expect(fieldsOf(both.body)).toEqual(['householdId']);
    const neither = await t
      .post('/v1/stakes', { entityId: complex, source: 'cash', principalFen: 100, shares: 1, startsOn: '2018-01-20' })
      .expect(400);
    expect(fieldsOf(neither.body)).toEqual(['householdId']);
    // A household's id where a collective is required.
    const householdAsCollective = await t
      .post('/v1/stakes', {
        entityId: complex,
        collectiveId: households[0],
        source: 'cash',
        principalFen: 100,
        shares: 1,
        startsOn: '2018-01-20',
      })
      .expect(400);
    expect(fieldsOf(householdAsCollective.body)).toEqual(['collectiveId']);
    const company = await t
      .post('/v1/stakes', {
        entityId: collective,
        collectiveId: complex,
        source: 'cash',
        principalFen: 100,
        shares: 1,
        startsOn: '2018-01-20',
      })
      .expect(422);
    expect(company.body.code).toBe('STAKE.NOT_A_COLLECTIVE');
  });

  it('allocates the complex’s 500,000 yuan to the collective and pays it there', async () => {
    const declared = (
      await t
        .post(`/v1/entities/${complex}/dividends`, {
          period: '2018',
          declaredOn: '2018-12-20',
          recordDate: '2018-12-20',
          poolFen: 500_000_00,
        })
        .expect(201)
    ).body as { id: string; allocations: unknown[] };
    declarationId = declared.id;
    expect(declared.allocations).toEqual([
      { stakeId: `${complex}.s1`, collectiveId: collective, amountFen: 500_000_00 },
    ]);

    const asHousehold = await t
      .post(`/v1/dividends/${declarationId}/payments`, {
        householdId: households[0],
        amountFen: 100,
        paidOn: '2018-12-25',
      })
      .expect(422);
    expect(asHousehold.body.code).toBe('DIVIDEND.HOUSEHOLD_NOT_ALLOCATED');
    await write(
      `/v1/dividends/${declarationId}/payments`,
      { collectiveId: collective, amountFen: 500_000_00, paidOn: '2018-12-25', reference: '旅游分红-2018' },
      clerk,
    );
    const over = await t
      .post(`/v1/dividends/${declarationId}/payments`, { collectiveId: collective, amountFen: 1, paidOn: '2018-12-26' })
      .expect(422);
    expect(over.body.code).toBe('DIVIDEND.OVERPAYMENT');
  });

  it('shares 300,000 yuan out per household, to the fen, ties to the household id that sorts first', async () => {
    const declaring = {
      period: '2018',
      declaredOn: '2018-12-28',
      poolFen: 300_000_00,
      basis: 'per_household',
      households: households.map((householdId) => ({ householdId })),
    };
    // Paid on 2018-12-25: declared before the income came, nothing is there to share.
    const early = await t
      .post(`/v1/collectives/${collective}/distributions`, { ...declaring, declaredOn: '2018-12-24' }, clerk)
      .expect(422);
    expect(early.body.code).toBe('DISTRIBUTION.EXCEEDS_INCOME');

    const res = await t.post(`/v1/collectives/${collective}/distributions`, declaring, clerk).expect(201);
    first = res.body as typeof first;
    last = Math.max(last, (res.body as { position: number }).position);
    expect(first.allocations).toHaveLength(105);
    expect(sum(first.allocations)).toBe(300_000_00);
    // 30,000,000 fen over 105: 285,714 each and 30 fen left, one each to the 30 first ids.
    const sorted = [...households].sort();
    const byId = new Map(first.allocations.map((a) => [a.householdId, a.amountFen]));
    expect(sorted.slice(0, 30).every((id) => byId.get(id) === 285_715)).toBe(true);
    expect(sorted.slice(30).every((id) => byId.get(id) === 285_714)).toBe(true);
  });

  it('shares the remaining 200,000 yuan by weights, and refuses a pool above what is left', async () => {
    const weighted = {
      period: '2018',
      declaredOn: '2018-12-28',
      poolFen: 200_000_00,
      basis: 'weighted',
      // Households with a disabled member count twice, as the village meeting decided.
      households: households.map((householdId, i) => ({ householdId, weight: i < 10 ? 2 : 1 })),
    };
    const unweighted = await t
      .post(`/v1/collectives/${collective}/distributions`, {
        ...weighted,
        households: [{ householdId: households[0] }],
      })
      .expect(400);
    expect(fieldsOf(unweighted.body)).toEqual(['households']);
    const res = await t.post(`/v1/collectives/${collective}/distributions`, weighted, clerk).expect(201);
    last = Math.max(last, (res.body as { position: number }).position);
    second = res.body as typeof first;
    const allocations = second.allocations;
    expect(sum(allocations)).toBe(200_000_00);
    // 20,000,000 fen over a total weight of 115: a weight of 2 gets 347,826.08… → 347,826 or 347,827.
    for (const [i, a] of allocations.entries()) {
      const exact = (20_000_000 * (i < 10 ? 2 : 1)) / 115;
      expect(Math.abs(a.amountFen - exact)).toBeLessThan(1);
    }

    const above = await t
      .post(`/v1/collectives/${collective}/distributions`, { ...weighted, poolFen: 1 }, clerk)
      .expect(422);
    expect(above.body).toMatchObject({ code: 'DISTRIBUTION.EXCEEDS_INCOME' });
    const company = await t.post(`/v1/collectives/${complex}/distributions`, { ...weighted, poolFen: 1 }).expect(422);
    expect(company.body.code).toBe('COLLECTIVE.NOT_A_COLLECTIVE');
    const household = await t
      .post(`/v1/collectives/${households[0]}/distributions`, { ...weighted, poolFen: 1 })
      .expect(404);
    expect(household.body.status).toBe(404);
  });

  it('pays households their shares, never above what is owed, and a reversed payment is owed again', async () => {
    const [a, b] = first.allocations;
    const paid = await write(
      `/v1/distributions/${first.id}/payments`,
      { householdId: a.householdId, amountFen: a.amountFen, paidOn: '2019-01-05', reference: '二次分配-001' },
      clerk,
    );
    expect(paid.id).toBe(`${first.id}.p1`);
    const over = await t
      .post(`/v1/distributions/${first.id}/payments`, {
        householdId: a.householdId,
        amountFen: 1,
        paidOn: '2019-01-05',
      })
      .expect(422);
    expect(over.body.code).toBe('DISTRIBUTION.OVERPAYMENT');
    const wrong = await write(`/v1/distributions/${first.id}/payments`, {
      householdId: b.householdId,
      amountFen: b.amountFen,
      paidOn: '2019-01-05',
    });
    await write(`/v1/payments/${wrong.id}/reversal`, { reason: '错发，应为下月发放' }, clerk);
    await write(`/v1/distributions/${first.id}/payments`, {
      householdId: b.householdId,
      amountFen: b.amountFen,
      paidOn: '2019-01-06',
    });

    const view = (await t.get(`/v1/collectives/${collective}?minPosition=${last}`, clerk).expect(200)).body;
    expect(view).toMatchObject({
      collective: { id: collective, name: '石头村股份经济合作社' },
      incomeFen: 500_000_00,
      distributedFen: 500_000_00,
      undistributedFen: 0,
      stakes: [
        { stakeId: `${complex}.s1`, entity: { id: complex, name: '桃花谷旅游综合体' }, principalFen: 5_000_000_00 },
      ],
      payments: [{ declarationId, amountFen: 500_000_00, status: 'paid', reference: '旅游分红-2018' }],
    });
    expect(view.distributions).toHaveLength(2);
    expect(view.distributions[0]).toMatchObject({
      distributionId: first.id,
      basis: 'per_household',
      poolFen: 300_000_00,
      paidFen: a.amountFen + b.amountFen,
      incomeSources: [{ entityId: complex, entityName: '桃花谷旅游综合体', amountFen: 500_000_00 }],
    });
  });

  it('takes the weighted distribution’s payments from a roster: dry run, all or nothing, once only', async () => {
    const upload = (query: Record<string, string>, csv: string) =>
      request(t.app.getHttpServer())
        .post(
          `/v1/imports?${new URLSearchParams({ kind: 'distributions', distributionId: second.id, ...query }).toString()}`,
        )
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .attach('file', Buffer.from(csv, 'utf8'), '二次分配发放表.csv');
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const rowOf = (i: number, amountFen: number) =>
      `4211270101${String(i + 1).padStart(5, '0')},${yuan(amountFen)},2019-01-10,二次-${i + 1}`;
    const rows = [0, 1, 2].map((i) => rowOf(i, second.allocations[i].amountFen));
    const good = ['户编号,金额,发放日期,凭证号', ...rows].join('\n');
    const template = await t.get('/v1/imports/templates/distributions.csv').expect(200);
    expect(template.text.replace('\uFEFF', '').trim()).toBe('户编号,金额,发放日期,凭证号');

    const dry = (await upload({ dryRun: 'true' }, good).expect(201)).body;
    expect(dry).toMatchObject({ status: 'validated', rows: 3, accepted: 3, rejected: 0 });
    // One row asks a fen more than the household's share: nothing of the file is written.
    const bad = ['户编号,金额,发放日期,凭证号', rows[0], rowOf(1, second.allocations[1].amountFen + 1)].join('\n');
    const rejected = (await upload({}, bad).expect(201)).body;
    expect(rejected).toMatchObject({ status: 'rejected', rejected: 1 });
    expect(rejected.errors).toEqual([expect.objectContaining({ row: 3, column: '金额' })]);
    const committed = (await upload({}, good).expect(201)).body;
    expect(committed).toMatchObject({ status: 'committed', rows: 3, accepted: 3 });
    last = Math.max(last, committed.position as number);
    const again = (await upload({ dryRun: 'true' }, good).expect(201)).body;
    expect(again).toMatchObject({ status: 'duplicate', duplicateOf: committed.id });

    const view = (await t.get(`/v1/collectives/${collective}?minPosition=${last}`).expect(200)).body;
    expect(view.distributions[1].paidFen).toBe(sum(second.allocations.slice(0, 3)));
  });

  it('shows the household a line from the collective saying where its money came from, the reversed one listed', async () => {
    const b = first.allocations[1];
    const statement = (await t.get(`/v1/households/${b.householdId}/statement?minPosition=${last}`).expect(200)).body;
    // The household was also paid its weighted share from the roster.
    const weighted = second.allocations.find((x) => x.householdId === b.householdId)?.amountFen ?? 0;
    expect(statement.byForm).toMatchObject({ collective: b.amountFen + weighted, equity: 0 });
    expect(statement.totalFen).toBe(b.amountFen + weighted);
    const lines = statement.lines as {
      form: string;
      kind: string;
      reversed: boolean;
      explanation: string;
      basis: unknown;
    }[];
    expect(lines.map((l) => [l.form, l.kind, l.reversed])).toEqual([
      ['collective', 'distribution', true],
      ['collective', 'distribution', false],
      ['collective', 'distribution', false],
    ]);
    expect(lines[1]).toMatchObject({
      entity: { id: collective, name: '石头村股份经济合作社' },
      linkageId: first.id,
      period: '2018',
      basis: {
        distributionId: first.id,
        collectiveId: collective,
        collectiveName: '石头村股份经济合作社',
        basis: 'per_household',
        weight: 1,
        totalWeight: 105,
        poolFen: 300_000_00,
        incomeSources: [{ entityId: complex, entityName: '桃花谷旅游综合体', amountFen: 500_000_00 }],
      },
    });
    expect(lines[1].explanation).toContain('石头村股份经济合作社');
    expect(lines[1].explanation).toContain('桃花谷旅游综合体分红 500,000.00 元');
    expect(lines[1].explanation).toContain('按户平均分配，共 105 户');
  });

  it('lists what the collective owes households, what the complex owes it, and the fund flow down to households', async () => {
    const [a, b, c] = first.allocations;
    const owed = (
      await t.get(`/v1/entities/${collective}/obligations?dueBy=2019-12-31&minPosition=${last}`).expect(200)
    ).body as {
      items: { linkageId: string; kind: string; householdId: string; dueOn: string; outstandingFen: number }[];
    };
    expect(owed.items).toHaveLength(210);
    expect(owed.items.filter((i) => i.linkageId === second.id && i.outstandingFen === 0)).toHaveLength(3);
    expect(owed.items.every((i) => i.kind === 'distribution' && i.dueOn === '2018-12-28')).toBe(true);
    const item = (id: string) => owed.items.find((i) => i.linkageId === first.id && i.householdId === id);
    expect(item(a.householdId)?.outstandingFen).toBe(0);
    expect(item(b.householdId)?.outstandingFen).toBe(0);
    expect(item(c.householdId)?.outstandingFen).toBe(c.amountFen);

    const flow = (await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}`).expect(200)).body;
    expect(flow.stakes).toEqual([
      { stakeId: `${complex}.s1`, collectiveId: collective, entityId: complex, principalFen: 5_000_000_00 },
    ]);
    expect(flow.dividendsPaid).toEqual([{ stakeId: `${complex}.s1`, collectiveId: collective, amountFen: 500_000_00 }]);
    expect(flow.distributions).toEqual([
      { distributionId: first.id, collectiveId: collective, poolFen: 300_000_00, paidFen: a.amountFen + b.amountFen },
      {
        distributionId: second.id,
        collectiveId: collective,
        poolFen: 200_000_00,
        paidFen: sum(second.allocations.slice(0, 3)),
      },
    ]);
    expect(flow.totals).toMatchObject({ dividendsPaidFen: 500_000_00, distributedFen: 500_000_00 });
    expect(flow.flags).toEqual([]);
    // The CSV names the collective as itself (kind `collective`), not as a nameless household.
    const csv = await t
      .get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.text).toContain(
      `stake,entity,${complex},桃花谷旅游综合体,collective,${collective},石头村股份经济合作社,`,
    );
    expect(csv.text).toContain(
      `dividend,entity,${complex},桃花谷旅游综合体,collective,${collective},石头村股份经济合作社,`,
    );

    const coverage = (await t.get(`/v1/audit/coverage?level=village&on=2018-12-31&minPosition=${last}`).expect(200))
      .body;
    expect(coverage.items).toEqual([
      expect.objectContaining({
        village: '石头村',
        households: 105,
        covered: 105,
        byForm: { equity: 0, lease: 0, labour: 0, order: 0, collective: 105 },
      }),
    ]);

    const complexOwes = (
      await t.get(`/v1/entities/${complex}/obligations?dueBy=2019-12-31&minPosition=${last}`).expect(200)
    ).body as { items: unknown[] };
    expect(complexOwes.items).toEqual([
      {
        linkageId: declarationId,
        kind: 'dividend',
        collectiveId: collective,
        period: '2018',
        dueOn: '2018-12-20',
        dueFen: 500_000_00,
        paidFen: 500_000_00,
        outstandingFen: 0,
      },
    ]);
  });
  it('follows the record when the complex’s dividend to the collective comes back from the bank: declared figures kept, distributions flagged', async () => {
    const paymentId = `${declarationId}.p1`;
    await write(`/v1/payments/${paymentId}/return`, { returnedOn: '2019-01-03', reason: 'account_frozen' });
    const complexSource = { entityId: complex, entityName: '桃花谷旅游综合体', amountFen: 500_000_00 };
    const returned = (await t.get(`/v1/collectives/${collective}?minPosition=${last}`).expect(200)).body as {
      incomeFen: number;
      undistributedFen: number;
      distributions: {
        distributionId: string;
        incomeSources: unknown[];
        declaredIncomeSources?: unknown[];
        overdrawnFen: number;
      }[];
    };
    expect(returned).toMatchObject({ incomeFen: 0, distributedFen: 500_000_00, undistributedFen: -500_000_00 });
    expect(returned.distributions.map((d) => [d.incomeSources, d.declaredIncomeSources, d.overdrawnFen])).toEqual([
      [[], [complexSource], 300_000_00],
      [[], [complexSource], 500_000_00],
    ]);
    // The household's line says the same: the income as it stands, the recorded one beside it.
    const b = first.allocations[1];
    const statement = (await t.get(`/v1/households/${b.householdId}/statement`).expect(200)).body as {
      lines: {
        linkageId: string;
        reversed: boolean;
        basis: { incomeSources: unknown[]; declaredIncomeSources?: unknown[] };
      }[];
    };
    const line = statement.lines.find((l) => l.linkageId === first.id && !l.reversed);
    expect(line?.basis.incomeSources).toEqual([]);
    expect(line?.basis.declaredIncomeSources).toEqual([complexSource]);

    // The auditor's fund flow flags both distributions.
    const flow = (await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}`).expect(200)).body as {
      distributions: { overdrawnFen?: number }[];
      flags: { rule: string; detail: string }[];
    };
    expect(flow.distributions.map((d) => d.overdrawnFen)).toEqual([300_000_00, 500_000_00]);
    expect(flow.flags.map((f) => f.rule)).toEqual([
      'FUND_FLOW.DISTRIBUTION_BEYOND_INCOME',
      'FUND_FLOW.DISTRIBUTION_BEYOND_INCOME',
    ]);
    expect(flow.flags[0].detail).toContain('石头村股份经济合作社');

    // Paid again after both declarations: the collective has its income back, but the distributions
    // were declared before it arrived, and stay flagged.
    await write(`/v1/payments/${paymentId}/reissue`, { paidOn: '2019-01-10' });
    const reissued = (await t.get(`/v1/collectives/${collective}?minPosition=${last}`).expect(200))
      .body as typeof returned;
    expect(reissued).toMatchObject({ incomeFen: 500_000_00, undistributedFen: 0 });
    expect(reissued.distributions.map((d) => d.overdrawnFen)).toEqual([300_000_00, 500_000_00]);
  });
});
