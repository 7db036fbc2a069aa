import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * Trust under bad input (issue 12), each problem as it was seen, now answered as the contract says:
 * the ledger's input domain on every route, body and depth limits, query numbers, malformed ids,
 * formula cells in CSV, security headers, and authorisation before input and before domain rules.
 */
describe('trust under bad input', () => {
  let t: TestApp;
  let householdId: string;
  let otherHouseholdId: string;
  let entityId: string;
  let declarationId: string;
  let clerk: string;
  let otherClerk: string;
  let auditor: string;
  let seq = 0;

  const created = async (path: string, body: Record<string, unknown>): Promise<string> => {
    const res = await t.post(path, body);
    if (res.status !== 201) throw new Error(`fixture ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const household = (extra: Record<string, unknown> = {}) => ({
    registrationNo: `trust-${++seq}`,
    headName: '张三',
    members: 3,
    village: '石头村',
    township: '城关镇',
    county: '英山县',
    ...extra,
  });
  const expectProblem = (res: request.Response, status: number, path?: string) => {
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
    if (path !== undefined) {
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    householdId = await created('/v1/households', household());
    otherHouseholdId = await created('/v1/households', household({ township: '温泉镇' }));
    entityId = await created('/v1/entities', {
      name: '桃园合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    await created('/v1/stakes', {
      entityId,
      householdId,
      source: 'cash',
      principalFen: 100_000,
      shares: 1,
      startsOn: '2017-12-01',
    });
    await created('/v1/stakes', {
      entityId,
      householdId: otherHouseholdId,
      source: 'cash',
      principalFen: 100_000,
      shares: 1,
      startsOn: '2017-12-01',
    });
    declarationId = await created(`/v1/entities/${entityId}/dividends`, {
      period: '2018',
      declaredOn: '2019-01-10',
      recordDate: '2018-12-31',
      poolFen: 200_000,
    });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });
  });
  afterAll(() => t.close());

  describe('one input domain', () => {
    it.each(['0000-01-01', '9999-12-31', '1949-09-30', '2101-01-01'])(
      'refuses enrolledOn %s (a poison event for the read side) with a 400 naming it',
      async (date) => {
        expectProblem(await t.post('/v1/households', household({ enrolledOn: date })), 400, 'enrolledOn');
      },
    );

    it('accepts the first and last days of the ledger', async () => {
      expect((await t.post('/v1/households', household({ enrolledOn: '1949-10-01' }))).status).toBe(201);
      expect((await t.post('/v1/households', household({ enrolledOn: '2100-12-31' }))).status).toBe(201);
    });

    it.each(['0000', '9999', '0000-H1', '9999-12'])(
      'refuses the period %s on a dividend declaration',
      async (period) => {
        const res = await t.post(`/v1/entities/${entityId}/dividends`, {
          period,
          declaredOn: '2019-01-10',
          recordDate: '2018-12-31',
          poolFen: 100,
        });
        expectProblem(res, 400, 'period');
      },
    );

    it.each([
      ['NUL', '张\u0000三'],
      ['escape', '张\u001b[31m三'],
      ['lone surrogate', '张\ud800三'],
      ['whitespace only', '   '],
      ['empty', ''],
      ['too long', '张'.repeat(51)],
    ])('refuses a head name with %s', async (_label, headName) => {
      expectProblem(await t.post('/v1/households', household({ headName })), 400, 'headName');
    });

    it('trims names before they are recorded', async () => {
      const id = await created('/v1/households', household({ headName: '  李四  ', village: ' 石头村 ' }));
      const res = await t.get(`/v1/households/${id}`).expect(200);
      expect(res.body).toMatchObject({ headName: '李四', village: '石头村' });
    });

    it('refuses NUL and lone surrogates in any text, also in fields no DTO names (400, not 500)', async () => {
      const res = await t.post(`/v1/dividends/${declarationId}/payments`, {
        householdId,
        amountFen: 1,
        paidOn: '2019-01-15',
        reference: 'PZ\u0000',
      });
      expectProblem(res, 400, 'reference');
      const unknown = await t.post('/v1/households', { ...household(), ['x\u0000']: '\ud800' });
      expectProblem(unknown, 400);
    });

    it.each([
      ['/v1/households?q=%00', 'q'],
      [`/v1/households/${'household-'}x/statement?from=0000-01-01`, undefined],
      ['/v1/households?minPosition=1e20', 'minPosition'],
      ['/v1/households?minPosition=99999999999999999999', 'minPosition'],
      ['/v1/households?limit=1e3', 'limit'],
      ['/v1/households?limit=0', 'limit'],
      ['/v1/households?limit=', 'limit'],
      ['/v1/audit/coverage?year=9999', 'year'],
      ['/v1/audit/coverage?on=0000-01-01', 'on'],
    ])('answers %s with a 4xx problem naming the parameter, never a 500', async (path, name) => {
      const res = await t.get(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      if (name) expectProblem(res, 400, name);
    });

    it('reads invalid UTF-8 in a query as replacement characters: harmless', async () => {
      expect((await t.get('/v1/households?q=%ED%A0%80')).status).toBe(200);
    });

    it.each([
      ['from', '0000-01-01'],
      ['to', '9999-12-31'],
      ['asOf', '9999-12-31T00:00:00Z'],
      ['asOf', '0000-01-01T00:00:00Z'],
    ])('refuses the statement query %s=%s', async (name, value) => {
      expectProblem(await t.get(`/v1/households/${householdId}/statement?${name}=${value}`), 400, name);
    });

    it.each([
      ['asOf', '0000-01-01T00:00:00Z'],
      ['dueBy', '9999-12-31'],
    ])('refuses the obligations query %s=%s', async (name, value) => {
      expectProblem(await t.get(`/v1/entities/${entityId}/obligations?${name}=${value}`), 400, name);
    });
  });

  describe('limits', () => {
    it('answers a JSON body over 1 MB with 413 problem details', async () => {
      const res = await t.post('/v1/households', { ...household(), headName: 'x'.repeat(1_100_000) });
      expectProblem(res, 413);
    });

    it('takes a body over the old 100 kB default and refuses the field by its own rule', async () => {
      const res = await t.post('/v1/households', { ...household(), headName: 'x'.repeat(200_000) });
      expectProblem(res, 400, 'headName');
    });

    it('answers JSON nested 3,000 deep with a 400, before class-transformer recurses', async () => {
      const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
      const res = await t.http
        .post('/v1/households')
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' })
        .send(`{"x":${deep}}`);
      expectProblem(res, 400);
      const array = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const arrays = await t.http
        .post('/v1/households')
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' })
        .send(`{"x":${array}}`);
      expectProblem(arrays, 400);
    });

    it('answers malformed JSON with a 400 naming the body', async () => {
      const res = await t.http
        .post('/v1/households')
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' })
        .send('{"registrationNo": ');
      expectProblem(res, 400, 'body');
    });

    it('answers a roster over 20 MB with 413 problem details', async () => {
      const big = Buffer.alloc(21 * 1024 * 1024, 'a');
      const res = await t.http
        .post(`/v1/imports?kind=households&dryRun=true`)
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}` })
        .attach('file', big, 'roster.csv');
      expectProblem(res, 413);
    });

    it('refuses a roster whose file name holds control characters (kept in the events’ metadata)', async () => {
      const res = await t.http
        .post('/v1/imports?kind=households&dryRun=true')
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}` })
        .attach('file', Buffer.from('户编号,户主姓名,人口,村,乡镇,县区\r\n'), '名册\u0085.csv');
      expectProblem(res, 400, 'file');
      // A raw control byte in the part's header: the multipart parser refuses it, naming the body.
      const raw = await t.http
        .post('/v1/imports?kind=households&dryRun=true')
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}` })
        .attach('file', Buffer.from('户编号\r\n'), '名册\u0001.csv');
      expectProblem(raw, 400, 'body');
    });

    it.each(['%ff', '%ED%A0%80', '%00', `household-${'a'.repeat(3000)}`, 'household-%E4%B8'])(
      'answers a malformed id %s in a path with 404 problem details',
      async (id) => {
        expectProblem(await t.get(`/v1/households/${id}`), 404);
        expectProblem(await t.post(`/v1/leases/${id}/payments`, {}), 404);
      },
    );
  });

  describe('CSV', () => {
    it('neutralises formula cells in exports (OWASP), and keeps numbers numbers', async () => {
      const evil = await created('/v1/entities', {
        name: '=HYPERLINK("http://evil.example","点我")',
        kind: 'company',
        township: '城关镇',
        county: '英山县',
      });
      const leaseId = await created('/v1/leases', {
        entityId: evil,
        householdId,
        areaMu: '1.00',
        rentPerMuYearFen: 100,
        startsOn: '2018-01-01',
        endsOn: '2018-12-31',
        schedule: 'yearly',
      });
      const paid = await t.post(`/v1/leases/${leaseId}/payments`, {
        period: '2018',
        amountFen: 100,
        paidOn: '2018-03-01',
      });
      expect(paid.status).toBe(201);
      const csv = await t
        .get(`/v1/households/${householdId}/statement?minPosition=${paid.body.position as number}`)
        .set('Accept', 'text/csv')
        .expect(200);
      expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
      expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
      expect(csv.text).toMatch(/,100,1\.00,/);
    });

    it('neutralises formula cells in an import errors.csv', async () => {
      const roster = '户编号,户主姓名,人口,村,乡镇,县区\r\n=1+1,@SUM(A1),x,石头村,城关镇,英山县\r\n';
      const res = await t.http
        .post('/v1/imports?kind=households&dryRun=true')
        .set({ Authorization: `Bearer ${ADMIN_TOKEN}` })
        .attach('file', Buffer.from(roster), 'roster.csv');
      expect(res.status).toBe(201);
      const csv = await t.get(`/v1/imports/${res.body.id as string}/errors.csv`).expect(200);
      expect(csv.text).not.toMatch(/(^|,)"?[=@+-]/m);
    });
  });

  describe('headers', () => {
    it('sends security headers and no X-Powered-By, on the API and on the docs', async () => {
      for (const path of ['/v1/me', '/api/docs', '/health']) {
        const res = await t.get(path);
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['referrer-policy']).toBe('no-referrer');
      }
    });

    it('keeps Swagger UI working under the policy: every script is same-origin, none inline', async () => {
      const page = await t.get('/api/docs/').redirects(1);
      expect(page.status).toBe(200);
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        expect(attributes).toMatch(/src="\.?\/?[^":]+"/);
      }
    });
  });

  describe('authorisation before input and before rules', () => {
    it('refuses a clerk on an admin route with 403 whatever the body', async () => {
      const res = await t.post('/v1/projects', { name: 7, industry: 'nope', extra: true }, clerk);
      expectProblem(res, 403);
      expect(res.body.code).toBe('AUTH.ADMIN_ONLY');
      expectProblem(await t.post('/v1/users', 'not json at all', clerk), 403);
    });

    it('refuses an auditor on a write route with 403 whatever the body', async () => {
      const res = await t.post('/v1/households', { headName: '\u0000' }, auditor);
      expectProblem(res, 403);
      expect(res.body.code).toBe('AUTH.READ_ONLY_ROLE');
    });

    it('refuses a clerk paying another township’s household with 403, allocated or not (no leak)', async () => {
      const unallocated = await created('/v1/households', household());
      const body = (id: string) => ({ householdId: id, amountFen: 1, paidOn: '2019-01-15' });
      const notAllocated = await t.post(`/v1/dividends/${declarationId}/payments`, body(unallocated), otherClerk);
      const allocated = await t.post(`/v1/dividends/${declarationId}/payments`, body(householdId), otherClerk);
      expectProblem(notAllocated, 403);
      expectProblem(allocated, 403);
      expect(notAllocated.body.code).toBe(allocated.body.code);
      // Its own clerk still learns the rule.
      expectProblem(await t.post(`/v1/dividends/${declarationId}/payments`, body(unallocated), clerk), 422);
    });

    it('shows a clerk an entity’s obligations for the households of the clerk’s townships only', async () => {
      const asAdmin = await t.get(`/v1/entities/${entityId}/obligations?dueBy=2019-12-31`).expect(200);
      const asClerk = await t.get(`/v1/entities/${entityId}/obligations?dueBy=2019-12-31`, clerk).expect(200);
      const households = (body: { items: { householdId: string }[] }) => new Set(body.items.map((i) => i.householdId));
      expect(households(asAdmin.body)).toEqual(new Set([householdId, otherHouseholdId]));
      expect(households(asClerk.body)).toEqual(new Set([householdId]));
      const items = asClerk.body.items as { dueFen: number }[];
      expect(asClerk.body.totals.dueFen).toBe(items.reduce((sum, i) => sum + i.dueFen, 0));
    });
  });
});
