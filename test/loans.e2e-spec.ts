import type { LoanView } from '../libs/ledger/src/loans/get-loan/loan.view';
import type { LoanBook } from '../libs/ledger/src/loans/loan-book/loan-book.view';
import type { Statement } from '../libs/ledger/src/statements/statement.view';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Poverty micro-credit over HTTP (扶贫小额信贷, 户贷企用): 王五 borrows 50,000 yuan for three years
 * and invests it in 桃园合作社, which repays it; the county subsidises the interest, and the subsidy
 * (never a repayment) is a line of 王五's statement. Then the refusals, a reversed repayment, and
 * the county's loan book.
 */
describe('poverty micro-credit over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let wangUser: string;
  let wang: string;
  let zhao: string; // 温泉镇
  let qian: string;
  let coop: string;
  let loanId: string;
  let position = 0;
  const repayments: string[] = [];

  const at = <Res extends { body: unknown }>(res: Res): Res => {
    position = Math.max(position, (res.body as { position?: number }).position ?? 0);
    return res;
  };
  const household = async (registrationNo: string, headName: string, township: string) =>
    at(
      await t
        .post('/v1/households', { registrationNo, headName, members: 3, village: '桃园村', township, county: '英山县' })
        .expect(201),
    ).body.id as string;
  const terms = (patch: Record<string, unknown> = {}) => ({
    householdId: wang,
    lender: '英山县农商银行',
    contractNo: 'YS-2018-001',
    principalFen: 5_000_000,
    annualRateBp: 435,
    disbursedOn: '2018-03-01',
    maturesOn: '2021-03-01',
    use: 'invested_in_entity',
    entityId: coop,
    subsidy: { rateBp: 435, payer: 'county' },
    ...patch,
  });
  const loan = async (id = loanId, token = clerk) =>
    (await t.get(`/v1/loans/${id}`, token).expect(200)).body as LoanView;
  const statement = async () =>
    (await t.get(`/v1/households/${wang}/statement?minPosition=${position}`, clerk).expect(200)).body as Statement;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });
    wang = await household('421127010200101', '王五', '城关镇');
    zhao = await household('421127010200102', '赵六', '温泉镇');
    qian = await household('421127010200103', '钱七', '城关镇');
    wangUser = await t.userToken({ role: 'household', householdId: wang });
    coop = at(
      await t
        .post('/v1/entities', { name: '桃园合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201),
    ).body.id as string;
  });
  afterAll(() => t.close());

  it('records a 户贷企用 loan at the limits: 50,000 yuan, three years to the day', async () => {
    const res = at(await t.post('/v1/loans', terms(), clerk).expect(201));
    expect(res.body).toEqual({ id: expect.stringMatching(/^loan-[0-9a-f-]{36}$/), position: expect.any(Number) });
    loanId = res.body.id as string;
    const view = await loan();
    expect(view).toMatchObject({
      loan: {
        loanId,
        householdId: wang,
        lender: '英山县农商银行',
        contractNo: 'YS-2018-001',
        principalFen: 5_000_000,
        annualRateBp: 435,
        disbursedOn: '2018-03-01',
        maturesOn: '2021-03-01',
        use: 'invested_in_entity',
        entityId: coop,
        entity: { id: coop, name: '桃园合作社' },
        subsidy: { rateBp: 435, payer: 'county' },
      },
      outstandingPrincipalFen: 5_000_000,
      interestPaidFen: 0,
      subsidisedFen: 0,
      oversubsidisedFen: 0,
      // Matured in 2021 with everything owed: overdue on any date this test runs.
      status: 'overdue',
      repayments: [],
      subsidies: [],
    });
  });

  it('takes the loan into the entity as stakes naming it, together at most its principal', async () => {
    const stake = (principalFen: number) =>
      t.post(
        '/v1/stakes',
        {
          entityId: coop,
          householdId: wang,
          source: 'household_loan',
          loanId,
          principalFen,
          shares: 5,
          startsOn: '2018-03-01',
        },
        clerk,
      );
    at(await stake(3_000_000).expect(201));
    at(await stake(2_000_000).expect(201));
    expect((await stake(1).expect(422)).body).toMatchObject({ code: 'STAKE.EXCEEDS_LOAN' });
    const bad = await t
      .post(
        '/v1/stakes',
        {
          entityId: coop,
          householdId: wang,
          source: 'cash',
          loanId,
          principalFen: 1,
          shares: 1,
          startsOn: '2018-03-01',
        },
        clerk,
      )
      .expect(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toContain('loanId');
  });

  it.each([
    ['a principal above 50,000 yuan', { principalFen: 5_000_001 }, 'LOAN.PRINCIPAL_ABOVE_LIMIT'],
    ['a term of three years and a day', { maturesOn: '2021-03-02' }, 'LOAN.TERM_ABOVE_LIMIT'],
    ['29 February to 29 February', { disbursedOn: '2016-02-29', maturesOn: '2019-03-01' }, 'LOAN.TERM_ABOVE_LIMIT'],
    [
      'a subsidy rate above the loan rate',
      { subsidy: { rateBp: 436, payer: 'county' } },
      'LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE',
    ],
  ])('refuses %s with 422', async (_what, patch, code) => {
    const res = await t.post('/v1/loans', terms({ contractNo: 'YS-2018-999', ...patch }), clerk).expect(422);
    expect(res.body).toMatchObject({ status: 422, code, detail: expect.any(String) });
  });

  it('refuses the same contract number of the same lender with 409, not another lender’s', async () => {
    expect((await t.post('/v1/loans', terms(), clerk).expect(409)).body).toMatchObject({
      code: 'LOAN.CONTRACT_NO_TAKEN',
    });
    at(
      await t
        .post(
          '/v1/loans',
          terms({
            lender: '中国邮政储蓄银行英山县支行',
            use: 'own_production',
            entityId: undefined,
            principalFen: 500_000,
            disbursedOn: '2025-06-01',
            maturesOn: '2028-06-01',
          }),
          clerk,
        )
        .expect(201),
    );
  });

  it.each([
    ['entityId missing for 户贷企用', { entityId: undefined }, 'entityId'],
    ['entityId on a loan for own production', { use: 'own_production' }, 'entityId'],
    ['a project payer without projectId', { subsidy: { rateBp: 435, payer: 'project' } }, 'subsidy.projectId'],
    ['a rate in percent', { annualRateBp: 4.35 }, 'annualRateBp'],
    ['an impossible date', { maturesOn: '2021-02-29' }, 'maturesOn'],
    ['an unknown field', { collateral: '房产' }, 'collateral'],
  ])('answers 400 naming the field for %s', async (_what, patch, field) => {
    const res = await t.post('/v1/loans', terms({ contractNo: 'YS-2018-998', ...patch }), clerk).expect(400);
    expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
  });

  it('records the entity’s repayments and the county’s subsidy, capped by the interest repaid', async () => {
    const repay = (body: Record<string, unknown>) => t.post(`/v1/loans/${loanId}/repayments`, body, clerk);
    const first = at(
      await repay({
        principalFen: 2_000_000,
        interestFen: 217_500,
        paidOn: '2019-03-01',
        paidBy: 'entity',
        reference: 'HK-01',
      }).expect(201),
    );
    expect(first.body.id).toBe(`${loanId}.p1`);
    repayments.push(first.body.id as string);
    const both0 = await repay({ principalFen: 0, interestFen: 0, paidOn: '2019-03-01', paidBy: 'entity' }).expect(400);
    expect((both0.body.errors as { path: string }[]).map((e) => e.path)).toContain('principalFen');
    expect(
      (await repay({ principalFen: 3_000_001, interestFen: 0, paidOn: '2019-06-01', paidBy: 'entity' }).expect(422))
        .body,
    ).toMatchObject({ code: 'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING' });

    const subsidy = (body: Record<string, unknown>) => t.post(`/v1/loans/${loanId}/subsidies`, body, clerk);
    // Before the repayment's date nothing was repaid yet: the cap is 0.
    expect((await subsidy({ amountFen: 1, paidOn: '2019-02-28' }).expect(422)).body).toMatchObject({
      code: 'LOAN.SUBSIDY_EXCEEDS_CAP',
    });
    const paid = at(await subsidy({ amountFen: 217_500, paidOn: '2019-03-15', reference: 'TX-01' }).expect(201));
    expect(paid.body.id).toBe(`${loanId}.p2`);
    expect((await subsidy({ amountFen: 1, paidOn: '2019-03-20' }).expect(422)).body).toMatchObject({
      code: 'LOAN.SUBSIDY_EXCEEDS_CAP',
    });

    repayments.push(
      at(
        await repay({ principalFen: 3_000_000, interestFen: 130_500, paidOn: '2020-03-01', paidBy: 'entity' }).expect(
          201,
        ),
      ).body.id as string,
    );
    at(await subsidy({ amountFen: 130_500, paidOn: '2020-03-15' }).expect(201));

    const view = await loan();
    expect(view).toMatchObject({
      outstandingPrincipalFen: 0,
      interestPaidFen: 348_000,
      subsidisedFen: 348_000,
      oversubsidisedFen: 0,
      status: 'repaid',
    });
    expect(view.repayments).toHaveLength(2);
    expect(view.repayments[0]).toMatchObject({
      paymentId: `${loanId}.p1`,
      paidBy: 'entity',
      reference: 'HK-01',
      reversed: false,
    });
    expect(view.subsidies.map((s) => [s.amountFen, s.capFen])).toEqual([
      [217_500, 217_500],
      [348_000 - 217_500, 348_000],
    ]);
  });

  it('refuses a repayment by the entity on a loan for the household’s own production (422)', async () => {
    const own = at(
      await t
        .post(
          '/v1/loans',
          terms({ contractNo: 'YS-2018-002', use: 'own_production', entityId: undefined, principalFen: 100_000 }),
          clerk,
        )
        .expect(201),
    ).body.id as string;
    const res = await t
      .post(
        `/v1/loans/${own}/repayments`,
        { principalFen: 100_000, interestFen: 0, paidOn: '2019-01-01', paidBy: 'entity' },
        clerk,
      )
      .expect(422);
    expect(res.body).toMatchObject({ code: 'LOAN.ENTITY_REPAYMENT_NOT_INVESTED' });
    at(
      await t
        .post(
          `/v1/loans/${own}/repayments`,
          { principalFen: 100_000, interestFen: 4_350, paidOn: '2019-01-01', paidBy: 'household' },
          clerk,
        )
        .expect(201),
    );
  });

  it('shows the subsidies, never the repayments, on the household’s statement, and its loans under holdings', async () => {
    const s = await statement();
    expect(s.lines.map((l) => [l.paymentId, l.form, l.kind, l.amountFen])).toEqual([
      [`${loanId}.p2`, 'credit', 'interest_subsidy', 217_500],
      [`${loanId}.p4`, 'credit', 'interest_subsidy', 130_500],
    ]);
    expect(s.lines[0]).toMatchObject({
      linkageId: loanId,
      entity: { id: coop, name: '桃园合作社' },
      basis: {
        loanId,
        lender: '英山县农商银行',
        principalFen: 5_000_000,
        annualRateBp: 435,
        subsidyRateBp: 435,
        interestRepaidFen: 217_500,
        capFen: 217_500,
      },
      reversed: false,
    });
    expect(s.lines[0].explanation).toContain('贴息');
    expect(s.byForm).toEqual({ equity: 0, lease: 0, labour: 0, order: 0, collective: 0, credit: 348_000 });
    expect(s.totalFen).toBe(348_000);
    expect(
      s.holdings.loans.map((l) => [l.lender, l.principalFen, l.outstandingPrincipalFen, l.use, l.entity?.name]),
    ).toEqual([
      // Both disbursed on 2018-03-01: in the order recorded.
      ['英山县农商银行', 5_000_000, 0, 'invested_in_entity', '桃园合作社'],
      ['英山县农商银行', 100_000, 0, 'own_production', undefined],
      ['中国邮政储蓄银行英山县支行', 500_000, 500_000, 'own_production', undefined],
    ]);
    // The household reads its own statement; the loan record is for clerks and auditors.
    await t.get(`/v1/households/${wang}/statement`, wangUser).expect(200);
    await t.get(`/v1/loans/${loanId}`, wangUser).expect(403);
    await t.get(`/v1/loans/${loanId}`, otherClerk).expect(403);
    await t.get(`/v1/loans/${loanId}`, auditor).expect(200);
    await t.get('/v1/loans/loan-00000000-0000-5000-8000-000000000000', clerk).expect(404);
    await t.get('/v1/loans/not-a-loan', clerk).expect(404);
  });

  it('reverses a repayment through the shared reversal: owed again, the subsidy now over the cap, still no line', async () => {
    at(await t.post(`/v1/payments/${repayments[0]}/reversal`, { reason: '银行退回' }, clerk).expect(201));
    expect(
      (await t.post(`/v1/payments/${repayments[0]}/reversal`, { reason: '再次' }, clerk).expect(422)).body.status,
    ).toBe(422);
    const view = await loan();
    expect(view).toMatchObject({
      outstandingPrincipalFen: 2_000_000,
      interestPaidFen: 130_500,
      subsidisedFen: 348_000,
      oversubsidisedFen: 217_500,
      status: 'overdue',
    });
    expect(view.repayments[0]).toMatchObject({ reversed: true, reversal: { reason: '银行退回' } });
    const s = await statement();
    expect(s.lines).toHaveLength(2);
    expect(s.holdings.loans[0].outstandingPrincipalFen).toBe(2_000_000);
    const before = await t
      .get(
        `/v1/households/${wang}/statement?asOf=${encodeURIComponent(new Date(Date.now() - 60 * 60 * 1000).toISOString())}`,
        clerk,
      )
      .expect(200);
    expect((before.body as Statement).holdings.loans).toEqual([]);
  });

  it('lists the county’s loan book, overdue loans first, for auditors (JSON and CSV) and clerks (their townships)', async () => {
    // 赵六 of 温泉镇: a loan for own production, matured in 2019 with nothing repaid.
    at(
      await t
        .post(
          '/v1/loans',
          {
            householdId: zhao,
            lender: '英山县农商银行',
            contractNo: 'YS-2018-003',
            principalFen: 1_000_000,
            annualRateBp: 435,
            disbursedOn: '2018-01-01',
            maturesOn: '2019-01-01',
            use: 'own_production',
          },
          otherClerk,
        )
        .expect(201),
    );
    const book = (
      await t.get(`/v1/audit/loans?county=${encodeURIComponent('英山县')}&minPosition=${position}`, auditor).expect(200)
    ).body as LoanBook;
    expect(book).toMatchObject({
      county: '英山县',
      loans: 4,
      households: 3,
      householdsWithLoan: 2,
      principalFen: 5_000_000 + 500_000 + 100_000 + 1_000_000,
      outstandingPrincipalFen: 2_000_000 + 500_000 + 0 + 1_000_000,
      overdue: { loans: 2, principalFen: 3_000_000 },
      subsidisedFen: 348_000,
      oversubsidisedFen: 217_500,
    });
    expect(book.items.map((i) => [i.household.headName, i.status, i.maturesOn])).toEqual([
      ['赵六', 'overdue', '2019-01-01'],
      ['王五', 'overdue', '2021-03-01'],
      ['王五', 'repaid', '2021-03-01'],
      ['王五', 'active', '2028-06-01'],
    ]);

    const mine = (await t.get(`/v1/audit/loans?minPosition=${position}`, clerk).expect(200)).body as LoanBook;
    expect(mine).toMatchObject({ county: null, loans: 3, households: 2, householdsWithLoan: 1, overdue: { loans: 1 } });
    await t.get('/v1/audit/loans', wangUser).expect(403);
    // The summary covers the whole filter; the items, one page of it.
    const township = (
      await t.get(`/v1/audit/loans?township=${encodeURIComponent('城关镇')}&limit=1`, auditor).expect(200)
    ).body as LoanBook;
    expect(township).toMatchObject({ loans: 3, total: 3, overdue: { loans: 1 } });
    expect(township.items).toHaveLength(1);
    expect(township.nextCursor).toEqual(expect.any(String));
    await t.get('/v1/audit/loans?entity=x', auditor).expect(400);
    // By the borrower's village (issue 18): the book keeps each household's village.
    const village = (await t.get(`/v1/audit/loans?village=${encodeURIComponent('桃园村')}`, auditor).expect(200))
      .body as LoanBook;
    // Every borrower here lives in 桃园村: the village filter keeps every loan, and only those.
    const everyLoan = (await t.get('/v1/audit/loans', auditor).expect(200)).body as LoanBook;
    expect(village).toMatchObject({ loans: everyLoan.loans, total: everyLoan.total, households: everyLoan.households });
    expect(village.items.every((i) => i.village === '桃园村')).toBe(true);
    const elsewhere = (await t.get(`/v1/audit/loans?village=${encodeURIComponent('杏花村')}`, auditor).expect(200))
      .body as LoanBook;
    expect(elsewhere).toMatchObject({ loans: 0, total: 0, households: 0, items: [] });
    const blank = await t.get('/v1/audit/loans?village=%20', auditor).expect(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ path: 'village' })]);
    const year = await t.get('/v1/audit/loans?year=18', auditor).expect(400);
    expect(year.body.errors).toEqual([expect.objectContaining({ path: 'year' })]);

    const csv = await t
      .get(`/v1/audit/loans?county=${encodeURIComponent('英山县')}`, auditor)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'loanId,householdId,registrationNo,township,lender,contractNo,use,entityName,disbursedOn,maturesOn,status,principalFen,outstandingPrincipalFen,interestPaidFen,subsidisedFen,principalYuan,outstandingPrincipalYuan,interestPaidYuan,subsidisedYuan,village',
    );
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain(
      ',桃园合作社,2018-03-01,2021-03-01,overdue,5000000,2000000,130500,348000,50000.00,20000.00,1305.00,3480.00',
    );
  });

  it('follows a loan whose subsidy a project pays through the fund flow, flagging a subsidy left above its cap', async () => {
    const projectId = at(
      await t.post('/v1/projects', { name: '产业扶贫贴息项目', industry: 'breeding', county: '英山县' }).expect(201),
    ).body.id as string;
    const projectLoan = at(
      await t
        .post(
          '/v1/loans',
          terms({
            householdId: qian,
            contractNo: 'YS-2018-010',
            principalFen: 2_000_000,
            subsidy: { rateBp: 300, payer: 'project', projectId },
          }),
          clerk,
        )
        .expect(201),
    ).body.id as string;
    at(
      await t
        .post(
          '/v1/stakes',
          {
            entityId: coop,
            householdId: qian,
            source: 'household_loan',
            loanId: projectLoan,
            principalFen: 2_000_000,
            shares: 2,
            startsOn: '2018-03-01',
          },
          clerk,
        )
        .expect(201),
    );
    const repaid = at(
      await t
        .post(
          `/v1/loans/${projectLoan}/repayments`,
          { principalFen: 500_000, interestFen: 87_000, paidOn: '2019-03-01', paidBy: 'entity' },
          clerk,
        )
        .expect(201),
    ).body.id as string;
    at(
      await t
        .post(
          `/v1/loans/${projectLoan}/repayments`,
          { principalFen: 0, interestFen: 1_000, paidOn: '2019-04-01', paidBy: 'household' },
          clerk,
        )
        .expect(201),
    );
    // 88,000 × 300 / 435 = 60,689.6…: at most 60,689 fen.
    expect(
      (
        await t
          .post(`/v1/loans/${projectLoan}/subsidies`, { amountFen: 60_690, paidOn: '2019-04-15' }, clerk)
          .expect(422)
      ).body.code,
    ).toBe('LOAN.SUBSIDY_EXCEEDS_CAP');
    at(
      await t
        .post(`/v1/loans/${projectLoan}/subsidies`, { amountFen: 60_689, paidOn: '2019-04-15' }, clerk)
        .expect(201),
    );

    const flow = async () =>
      (await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${position}`, auditor).expect(200)).body as {
        credit: Record<string, unknown>[];
        totals: { subsidisedFen: number };
        flags: { rule: string; detail: string }[];
      };
    const before = await flow();
    expect(before.credit).toEqual([
      {
        loanId: projectLoan,
        householdId: qian,
        entityId: coop,
        lender: '英山县农商银行',
        principalFen: 2_000_000,
        investedFen: 2_000_000,
        repaidPrincipalFen: 500_000,
        repaidByEntityFen: 587_000,
        interestRepaidFen: 88_000,
        subsidisedFen: 60_689,
        oversubsidisedFen: 0,
      },
    ]);
    expect(before.totals.subsidisedFen).toBe(60_689);
    expect(before.flags).toEqual([]);

    at(await t.post(`/v1/payments/${repaid}/reversal`, { reason: '银行退回' }, clerk).expect(201));
    const after = await flow();
    // 1,000 × 300 / 435 = 689.6…: the cap is now 689 fen.
    expect(after.credit[0]).toMatchObject({
      repaidByEntityFen: 0,
      interestRepaidFen: 1_000,
      oversubsidisedFen: 60_000,
    });
    expect(after.flags.map((f) => f.rule)).toEqual(['FUND_FLOW.SUBSIDY_BEYOND_CAP']);
    expect(((await t.get(`/v1/loans/${projectLoan}`, clerk).expect(200)).body as LoanView).oversubsidisedFen).toBe(
      60_000,
    );

    const csv = await t
      .get(`/v1/audit/fund-flow?projectId=${projectId}`, auditor)
      .set('Accept', 'text/csv')
      .expect(200);
    const edges = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(edges).toEqual(['loan', 'loan_stake', 'repayment', 'subsidy']);
  });

  it('lets only one of three clerks subsidising the same interest at once succeed', async () => {
    const id = at(
      await t.post('/v1/loans', terms({ contractNo: 'YS-2018-020', principalFen: 1_000_000 }), clerk).expect(201),
    ).body.id as string;
    at(
      await t
        .post(
          `/v1/loans/${id}/repayments`,
          { principalFen: 0, interestFen: 43_500, paidOn: '2019-03-01', paidBy: 'entity' },
          clerk,
        )
        .expect(201),
    );
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.post(`/v1/loans/${id}/subsidies`, { amountFen: 43_500, paidOn: '2019-03-15' }, clerk)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422]);
    expect(((await t.get(`/v1/loans/${id}`, clerk).expect(200)).body as LoanView).subsidisedFen).toBe(43_500);
  });
});
