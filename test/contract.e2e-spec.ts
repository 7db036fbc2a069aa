import { startTestApp, type TestApp } from './support/test-app';

const UNKNOWN_LEASE = 'lease-00000000-0000-5000-8000-000000000000';

/**
 * A village's year replayed against the committed OpenAPI document: every answer's status must be
 * documented for its route, and its body must match the documented schema (ajv: the app replays
 * every answer, `replayOpenApi`). Writes, queries, CSV, refusals (400, 401, 403, 404, 409, 422) and
 * an idempotent replay.
 */
describe('the OpenAPI document allows every answer of a village scenario', () => {
  let t: TestApp;
  let clerk: string;
  let otherClerk: string;

  const post = async (url: string, body: unknown, token?: string, headers?: Record<string, string>) =>
    await t.post(url, body, token, headers);
  const get = async (url: string, token?: string, accept?: string) => {
    const req = t.get(url, token);
    return await (accept ? req.set('Accept', accept) : req);
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
  });
  afterAll(() => t.close());

  it('documents every status and body the ledger answers', async () => {
    const households: string[] = [];
    for (const [i, headName] of ['张三', '李四'].entries()) {
      const res = await post('/v1/households', {
        registrationNo: `42112701020${i}`,
        headName,
        members: 3,
        village: '石头村',
        township: '城关镇',
        county: '英山县',
      });
      expect(res.status).toBe(201);
      households.push(res.body.id as string);
    }
    const [zhang, li] = households;
    const taken = await post('/v1/households', {
      registrationNo: '421127010200',
      headName: '王五',
      members: 1,
      village: '石头村',
      township: '城关镇',
      county: '英山县',
    });
    expect(taken.status).toBe(409);

    const entity = await post('/v1/entities', {
      name: '石头村养牛合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    expect(entity.status).toBe(201);
    const entityId = entity.body.id as string;
    const project = await post('/v1/projects', { name: '肉牛养殖扶贫项目', industry: 'breeding', county: '英山县' });
    const projectId = project.body.id as string;
    expect(
      (
        await post(`/v1/projects/${projectId}/funds`, {
          source: 'county',
          amountFen: 50_000_00,
          documentRef: '英财农〔2018〕12号',
          receivedOn: '2018-01-10',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(`/v1/projects/${projectId}/disbursements`, {
          entityId,
          amountFen: 10_000_00,
          purpose: '购买基础母牛',
          disbursedOn: '2018-02-01',
        })
      ).status,
    ).toBe(201);

    const stake = (householdId: string, principalFen: number) => ({
      entityId,
      householdId,
      projectId,
      source: 'fiscal_fund',
      principalFen,
      shares: 5,
      startsOn: '2018-03-01',
    });
    expect((await post('/v1/stakes', stake(zhang, 5_000_00), clerk)).status).toBe(201);
    expect((await post('/v1/stakes', stake(li, 5_000_00), clerk)).status).toBe(201);
    expect((await post('/v1/stakes', stake(li, 1), clerk)).status).toBe(422);
    expect((await post('/v1/stakes', stake(li, 1), otherClerk)).status).toBe(403);

    const declared = await post(
      `/v1/entities/${entityId}/dividends`,
      { period: '2018', declaredOn: '2018-12-20', recordDate: '2018-12-01', poolFen: 1_000_01 },
      clerk,
    );
    expect(declared.status).toBe(201);
    const dividendId = declared.body.id as string;
    const paid = await post(
      `/v1/dividends/${dividendId}/payments`,
      { householdId: zhang, amountFen: 500_01, paidOn: '2018-12-25' },
      clerk,
    );
    expect(paid.status).toBe(201);
    expect(
      (
        await post(
          `/v1/dividends/${dividendId}/payments`,
          { householdId: zhang, amountFen: 1, paidOn: '2018-12-25' },
          clerk,
        )
      ).status,
    ).toBe(422);

    const lease = await post(
      '/v1/leases',
      {
        entityId,
        householdId: li,
        areaMu: '2.50',
        rentPerMuYearFen: 800_00,
        startsOn: '2018-01-01',
        endsOn: '2019-12-31',
        schedule: 'yearly',
      },
      clerk,
    );
    expect(lease.status).toBe(201);
    const leaseId = lease.body.id as string;
    const rent = { period: '2018', amountFen: 2_000_00, paidOn: '2018-02-01' };
    const first = await post(`/v1/leases/${leaseId}/payments`, rent, clerk, { 'Idempotency-Key': 'rent-2018' });
    const again = await post(`/v1/leases/${leaseId}/payments`, rent, clerk, { 'Idempotency-Key': 'rent-2018' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await post(`/v1/leases/${leaseId}/payments`, { ...rent, amountFen: 1 }, clerk)).status).toBe(422);
    expect((await post(`/v1/leases/${UNKNOWN_LEASE}/payments`, rent, clerk)).status).toBe(404);
    expect((await post(`/v1/leases/${leaseId}/payments`, { ...rent, amountFen: 1.5, extra: 1 }, clerk)).status).toBe(
      400,
    );

    const employment = await post(
      '/v1/employments',
      {
        entityId,
        householdId: zhang,
        workerName: '张小三',
        startsOn: '2018-06-01',
        wageBasis: 'monthly',
        rateFen: 2_500_00,
      },
      clerk,
    );
    const employmentId = employment.body.id as string;
    const wage = await post(
      `/v1/employments/${employmentId}/payments`,
      { period: '2018-07', amountFen: 2_500_00, paidOn: '2018-08-05' },
      clerk,
    );
    expect(wage.status).toBe(201);

    const order = await post(
      '/v1/orders',
      {
        entityId,
        householdId: li,
        product: '鲜茶叶',
        unit: 'kg',
        priceFen: 380,
        startsOn: '2018-08-01',
        endsOn: '2018-10-31',
      },
      clerk,
    );
    const orderId = order.body.id as string;
    const purchase = await post(
      `/v1/orders/${orderId}/payments`,
      { quantity: 12.5, amountFen: 4750, deliveredOn: '2018-09-10', paidOn: '2018-09-15' },
      clerk,
    );
    expect(purchase.status).toBe(201);

    const reversal = await post(`/v1/payments/${wage.body.id as string}/reversal`, { reason: '重复录入' }, clerk);
    expect(reversal.status).toBe(201);
    expect((await post(`/v1/payments/${wage.body.id as string}/reversal`, { reason: '再次' }, clerk)).status).toBe(422);

    const position = reversal.body.position as number;
    const caughtUp = `minPosition=${position}`;
    for (const url of [
      `/v1/households/${zhang}?${caughtUp}`,
      `/v1/households?township=城关镇&${caughtUp}`,
      `/v1/households/${zhang}/statement?${caughtUp}`,
      `/v1/households/${li}/statement?lang=en&${caughtUp}`,
      `/v1/households/${zhang}/linkages?${caughtUp}`,
      `/v1/entities/${entityId}?${caughtUp}`,
      `/v1/entities?${caughtUp}`,
      `/v1/entities/${entityId}/obligations?${caughtUp}`,
      `/v1/projects/${projectId}?${caughtUp}`,
      `/v1/audit/fund-flow?projectId=${projectId}&${caughtUp}`,
      `/v1/dividends/${dividendId}?${caughtUp}`,
      `/v1/leases/${leaseId}?${caughtUp}`,
      `/v1/employments/${employmentId}?${caughtUp}`,
      `/v1/orders/${orderId}?${caughtUp}`,
      '/v1/audit/verify',
      '/v1/me',
      `/v1/entities/${entityId}/report?year=2018&${caughtUp}`,
      `/v1/households/${zhang}/obligations?${caughtUp}`,
      `/v1/households/${zhang}/grievances`,
      `/v1/projects?${caughtUp}`,
      `/v1/audit/arrears?${caughtUp}`,
      `/v1/audit/fund-flow?county=英山县&${caughtUp}`,
      `/v1/audit/coverage?${caughtUp}`,
      `/v1/audit/loans?${caughtUp}`,
      '/v1/audit/seals',
      `/v1/notices?${caughtUp}`,
      '/v1/reconciliations',
    ]) {
      expect([url, (await get(url)).status]).toEqual([url, 200]);
    }
    expect((await get(`/v1/households/${zhang}/statement?${caughtUp}`, undefined, 'text/csv')).status).toBe(200);
    expect((await get(`/v1/entities/${entityId}/obligations?${caughtUp}`, undefined, 'text/csv')).status).toBe(200);
    expect((await get(`/v1/households/${zhang}/statement?from=2018-13-01`)).status).toBe(400);
    expect((await get(`/v1/households/${zhang}/statement`, 'not-a-token')).status).toBe(401);
    expect((await get(`/v1/households/${zhang}/statement`, otherClerk)).status).toBe(403);
    expect((await get(`/v1/leases/${UNKNOWN_LEASE}`)).status).toBe(404);
    expect((await get('/health')).status).toBe(200);
  });
});
