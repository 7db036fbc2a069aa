import { startTestApp, type TestApp } from './support/test-app';

const place = { county: '英山县', township: '城关镇', village: '桃园村' };

describe('coverage over HTTP', () => {
  let t: TestApp;
  let last = 0;
  const post = async (path: string, body: object) => {
    const res = await t.post(path, body).expect(201);
    last = res.body.position as number;
    return res.body as { id: string; position: number };
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const a = await post('/v1/households', { registrationNo: 'cov-1', headName: '张三', members: 4, ...place });
    const b = await post('/v1/households', { registrationNo: 'cov-2', headName: '李四', members: 3, ...place });
    await post('/v1/households', {
      registrationNo: 'cov-3',
      headName: '王五',
      members: 2,
      ...place,
      village: '杏花村',
    });
    await post('/v1/households', {
      registrationNo: 'cov-4',
      headName: '赵六',
      members: 5,
      ...place,
      township: '温泉镇',
      village: '河口村',
    });
    const farm = await post('/v1/entities', {
      name: '桃园果业有限公司',
      kind: 'company',
      township: '城关镇',
      county: '英山县',
    });
    await post('/v1/stakes', {
      entityId: farm.id,
      householdId: a.id,
      source: 'cash',
      principalFen: 1_000_000,
      shares: 10,
      startsOn: '2018-01-01',
    });
    const job = await post('/v1/employments', {
      entityId: farm.id,
      householdId: b.id,
      workerName: '李四',
      startsOn: '2018-03-01',
      wageBasis: 'monthly',
      rateFen: 200_000,
    });
    await post(`/v1/employments/${job.id}/payments`, { period: '2018-07', amountFen: 198_000, paidOn: '2018-08-05' });
  });
  afterAll(() => t.close());

  it('counts registered and covered households per village, with what they received that year', async () => {
    const res = await t.get(`/v1/audit/coverage?level=village&on=2018-12-31&minPosition=${last}`).expect(200);
    expect(res.body.year).toBe(2018);
    expect(res.body.items).toEqual([
      {
        county: '英山县',
        township: '城关镇',
        village: '杏花村',
        households: 1,
        covered: 0,
        byForm: { equity: 0, lease: 0, labour: 0, order: 0, collective: 0 },
        receivedFen: 0,
      },
      {
        county: '英山县',
        township: '城关镇',
        village: '桃园村',
        households: 2,
        covered: 2,
        byForm: { equity: 1, lease: 0, labour: 1, order: 0, collective: 0 },
        receivedFen: 198_000,
      },
      {
        county: '英山县',
        township: '温泉镇',
        village: '河口村',
        households: 1,
        covered: 0,
        byForm: { equity: 0, lease: 0, labour: 0, order: 0, collective: 0 },
        receivedFen: 0,
      },
    ]);
    expect(res.body.totals).toMatchObject({ households: 4, covered: 2, receivedFen: 198_000 });

    const county = await t.get(`/v1/audit/coverage?level=county&on=2018-12-31&year=2019`).expect(200);
    expect(county.body.items).toEqual([
      expect.objectContaining({ county: '英山县', households: 4, covered: 2, receivedFen: 0 }),
    ]);
    // Before the employment started only the stake covers anyone.
    const early = await t.get(`/v1/audit/coverage?level=county&on=2018-02-01`).expect(200);
    expect(early.body.items[0]).toMatchObject({ covered: 1, byForm: { equity: 1, labour: 0 } });
  });

  it('answers CSV with a BOM, limits clerks to their townships, and refuses households and unknown parameters', async () => {
    const csv = await t.get(`/v1/audit/coverage?level=township&on=2018-12-31`).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.startsWith('\uFEFFcounty,township,village,households,covered')).toBe(true);
    expect(csv.text).toContain('英山县,城关镇,,3,2,1,0,1,0,0,198000,1980.00');

    const clerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    const own = await t.get(`/v1/audit/coverage?level=township&on=2018-12-31`, clerk).expect(200);
    expect(own.body.items.map((i: { township: string }) => i.township)).toEqual(['温泉镇']);

    const households = await t.get('/v1/households?q=张三').expect(200);
    const household = await t.userToken({ role: 'household', householdId: households.body.items[0].id });
    await t.get('/v1/audit/coverage', household).expect(403);
    await t.get('/v1/audit/coverage?bogus=1').expect(400);
    await t.get('/v1/audit/coverage?on=2018-02-30').expect(400);
  });
});
