import { startTestApp, type TestApp } from './support/test-app';

const UNKNOWN_PROJECT = 'project-00000000-0000-5000-8000-000000000000';
const UNKNOWN_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';

const cooperative = {
  name: '石头村养牛合作社',
  kind: 'cooperative',
  creditCode: '93421127MA4ABCDE1X',
  township: '城关镇',
  county: '英山县',
};
const cattleProject = { name: '肉牛养殖扶贫项目', industry: 'breeding', county: '英山县' };
const countyFunds = {
  source: 'county',
  amountFen: 1_000_000_00,
  documentRef: '英财农〔2018〕12号',
  receivedOn: '2018-01-10',
};
const disbursement = (entityId: string, amountFen: number) => ({
  entityId,
  amountFen,
  purpose: '购买基础母牛',
  disbursedOn: '2018-02-01',
});
const fieldsOf = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();

describe('entities and projects over HTTP', () => {
  let t: TestApp;
  let clerk: string;
  let auditor: string;
  let entityId: string;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    auditor = await t.userToken({ role: 'auditor' });
    entityId = (await t.post('/v1/entities', cooperative).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('registers an entity and reads it back', async () => {
    const created = await t.post('/v1/entities', { ...cooperative, name: '桃园村集体' }, clerk).expect(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^entity-[0-9a-f-]{36}$/), position: expect.any(Number) });
    const read = await t.get(`/v1/entities/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ ...cooperative, name: '桃园村集体', id: created.body.id, stakes: [] });
    await t.get(`/v1/entities/${created.body.id}`, clerk).expect(200);
    await t.get(`/v1/entities/${UNKNOWN_ENTITY}`).expect(404);
    await t.get('/v1/entities/nope').expect(404);
  });

  it('registers a project, with or without an operator, and reads it back', async () => {
    const bare = await t.post('/v1/projects', cattleProject).expect(201);
    expect(bare.body).toEqual({ id: expect.stringMatching(/^project-[0-9a-f-]{36}$/), position: expect.any(Number) });
    const operated = await t.post('/v1/projects', { ...cattleProject, operatorId: entityId }).expect(201);
    const read = await t.get(`/v1/projects/${operated.body.id}`).expect(200);
    expect(read.body).toMatchObject({
      ...cattleProject,
      id: operated.body.id,
      operatorId: entityId,
      funds: [],
      disbursements: [],
      totals: { receivedFen: 0, disbursedFen: 0, availableFen: 0 },
    });
  });

  it('refuses an operator that is not a registered entity (422) and bad input (400 naming fields)', async () => {
    const unknown = await t.post('/v1/projects', { ...cattleProject, operatorId: UNKNOWN_ENTITY }).expect(422);
    expect(unknown.body).toMatchObject({ status: 422, code: 'PROJECT.UNKNOWN_OPERATOR' });
    const bad = await t
      .post('/v1/projects', { name: '', industry: 'mining', county: '英山县', operatorId: null, extra: 1 })
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(['extra', 'industry', 'name', 'operatorId']);
  });

  it('receives funds by source and disburses no more than is left', async () => {
    const projectId = (await t.post('/v1/projects', cattleProject).expect(201)).body.id as string;
    const funds = await t.post(`/v1/projects/${projectId}/funds`, countyFunds).expect(201);
    expect(funds.body).toEqual({ id: `${projectId}.f1`, projectId, position: expect.any(Number) });
    await t
      .post(`/v1/projects/${projectId}/funds`, { ...countyFunds, source: 'central', amountFen: 500_000_00 })
      .expect(201);

    const first = await t.post(`/v1/projects/${projectId}/disbursements`, disbursement(entityId, 1_200_000_00));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: `${projectId}.d1`, projectId, position: expect.any(Number) });

    // 1,500,000.00 received, 1,200,000.00 disbursed: 300,000.00 left.
    const over = await t
      .post(`/v1/projects/${projectId}/disbursements?lang=en`, disbursement(entityId, 300_000_01))
      .expect(422);
    expect(over.body).toMatchObject({ status: 422, code: 'PROJECT.DISBURSEMENT_EXCEEDS_FUNDS' });
    expect(over.body.detail).toContain('300,000.00');
    const afterRefusal = await t.get(`/v1/projects/${projectId}`).expect(200);
    expect(afterRefusal.body.totals).toEqual({
      receivedFen: 1_500_000_00,
      disbursedFen: 1_200_000_00,
      availableFen: 300_000_00,
    });
    expect(afterRefusal.body.disbursements).toHaveLength(1);

    await t.post(`/v1/projects/${projectId}/disbursements`, disbursement(entityId, 300_000_00)).expect(201);
    const read = await t.get(`/v1/projects/${projectId}`, auditor).expect(200);
    expect(read.body).toMatchObject({
      fundsBySource: [
        { source: 'central', amountFen: 500_000_00 },
        { source: 'county', amountFen: 1_000_000_00 },
      ],
      disbursedByEntity: [{ entityId, entityName: cooperative.name, amountFen: 1_500_000_00 }],
      totals: { receivedFen: 1_500_000_00, disbursedFen: 1_500_000_00, availableFen: 0 },
    });
    expect((read.body.disbursements as { disbursementId: string }[]).map((d) => d.disbursementId)).toEqual([
      `${projectId}.d1`,
      `${projectId}.d2`,
    ]);
    await t.post(`/v1/projects/${projectId}/disbursements`, disbursement(entityId, 1)).expect(422);
  });

  it('refuses a disbursement to an unknown entity (422), and bad amounts and dates (400)', async () => {
    const projectId = (await t.post('/v1/projects', cattleProject).expect(201)).body.id as string;
    await t.post(`/v1/projects/${projectId}/funds`, countyFunds).expect(201);
    const unknown = await t
      .post(`/v1/projects/${projectId}/disbursements`, disbursement(UNKNOWN_ENTITY, 100))
      .expect(422);
    expect(unknown.body.code).toBe('PROJECT.UNKNOWN_ENTITY');
    for (const amountFen of [0, -1, 2.5, '100', 2 ** 53]) {
      const bad = await t.post(`/v1/projects/${projectId}/funds`, { ...countyFunds, amountFen }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['amountFen']);
    }
    const bad = await t
      .post(`/v1/projects/${projectId}/funds`, { ...countyFunds, source: 'lottery', receivedOn: '2018-02-30' })
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(['receivedOn', 'source']);
    const badDisbursement = await t
      .post(`/v1/projects/${projectId}/disbursements`, { entityId: 'entity-x', amountFen: 1, disbursedOn: '2018-1-1' })
      .expect(400);
    expect(fieldsOf(badDisbursement.body)).toEqual(['disbursedOn', 'entityId', 'purpose']);
    const read = await t.get(`/v1/projects/${projectId}`).expect(200);
    expect(read.body.totals).toEqual({ receivedFen: 1_000_000_00, disbursedFen: 0, availableFen: 1_000_000_00 });
  });

  it('answers 404 for an unknown or malformed project id', async () => {
    await t.post(`/v1/projects/${UNKNOWN_PROJECT}/funds`, countyFunds).expect(404);
    await t.post(`/v1/projects/${UNKNOWN_PROJECT}/disbursements`, disbursement(entityId, 1)).expect(404);
    await t.get(`/v1/projects/${UNKNOWN_PROJECT}`).expect(404);
    await t.post('/v1/projects/project-1/funds', countyFunds).expect(404);
    await t.get('/v1/projects/nope').expect(404);
  });

  it('keeps projects, funds and disbursements for admins: clerks and auditors get 403', async () => {
    const projectId = (await t.post('/v1/projects', cattleProject).expect(201)).body.id as string;
    await t.post(`/v1/projects/${projectId}/funds`, countyFunds).expect(201);
    for (const token of [clerk, auditor]) {
      const res = await t.post('/v1/projects', cattleProject, token).expect(403);
      expect(res.body.code).toBe('AUTH.ADMIN_ONLY');
      await t.post(`/v1/projects/${projectId}/funds`, countyFunds, token).expect(403);
      await t.post(`/v1/projects/${projectId}/disbursements`, disbursement(entityId, 100), token).expect(403);
    }
    await t.get(`/v1/projects/${projectId}`, clerk).expect(403);
    const read = await t.get(`/v1/projects/${projectId}`).expect(200);
    expect(read.body.totals.disbursedFen).toBe(0);
    expect(read.body.funds).toHaveLength(1);
  });
});
