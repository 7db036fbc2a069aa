import { pdfText } from '../libs/ledger/src/statements/printable/testing/pdf-text';
import { TokenIssuer } from '../libs/ledger/src/auth/tokens';
import { startTestApp, type TestApp } from './support/test-app';

/** What the web console asks of the API besides the contract's writes: who am I, pickers, a household's linkages, card links. */
describe('console support over HTTP: /v1/me, pickers, linkages, statement links', () => {
  let t: TestApp;
  let zhang: string;
  let li: string;
  let other: string;
  let farm: string;
  let mill: string;
  let projectId: string;
  let clerk: string;
  let auditor: string;
  let zhangUser: string;
  let last = 0;

  const write = async (path: string, body: object) => {
    const res = await t.post(path, body).expect(201);
    last = res.body.position;
    return res.body as { id: string; position: number };
  };
  const household = async (registrationNo: string, headName: string, township = '城关镇') =>
    (
      await write('/v1/households', {
        registrationNo,
        headName,
        members: 3,
        village: '桃园村',
        township,
        county: '英山县',
      })
    ).id;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    zhang = await household('link-1', '张三');
    li = await household('link-2', '李四');
    other = await household('link-3', '王五', '石头咀镇');
    farm = (
      await write('/v1/entities', {
        name: '桃园茶叶专业合作社',
        kind: 'cooperative',
        township: '城关镇',
        county: '英山县',
      })
    ).id;
    mill = (
      await write('/v1/entities', { name: '石头咀米厂', kind: 'company', township: '石头咀镇', county: '英山县' })
    ).id;
    projectId = (await write('/v1/projects', { name: '桃园茶园扶贫项目', industry: 'planting', county: '英山县' })).id;
    await write(`/v1/projects/${projectId}/funds`, {
      source: 'central',
      amountFen: 10_000_00,
      documentRef: 'x',
      receivedOn: '2018-01-10',
    });
    await write(`/v1/projects/${projectId}/disbursements`, {
      entityId: farm,
      amountFen: 10_000_00,
      purpose: 'x',
      disbursedOn: '2018-02-01',
    });
    await write('/v1/stakes', {
      entityId: farm,
      householdId: zhang,
      projectId,
      source: 'fiscal_fund',
      principalFen: 4_000_00,
      shares: 4,
      startsOn: '2018-03-01',
    });
    await write('/v1/employments', {
      entityId: farm,
      householdId: zhang,
      workerName: '张三',
      startsOn: '2018-03-01',
      wageBasis: 'monthly',
      rateFen: 2_000_00,
    });
    await write('/v1/leases', {
      entityId: farm,
      householdId: zhang,
      areaMu: '2.50',
      rentPerMuYearFen: 800_00,
      startsOn: '2018-01-01',
      endsOn: '2019-12-31',
      schedule: 'yearly',
    });
    await write('/v1/orders', {
      entityId: farm,
      householdId: zhang,
      product: '茶叶',
      unit: '斤',
      priceFen: 30_00,
      startsOn: '2018-04-01',
      endsOn: '2018-10-31',
    });
    await write(`/v1/entities/${farm}/dividends`, {
      period: '2018',
      declaredOn: '2018-12-20',
      recordDate: '2018-12-01',
      poolFen: 1_000_00,
    });
    clerk = await t.userToken({ name: '王会计', role: 'clerk', townships: ['城关镇'] });
    auditor = await t.userToken({ name: '审计员', role: 'auditor' });
    zhangUser = await t.userToken({ name: '张三', role: 'household', householdId: zhang });
  });
  afterAll(() => t.close());

  it('GET /v1/me says who is signed in, for every role, and needs a token', async () => {
    expect((await t.get('/v1/me', clerk).expect(200)).body).toEqual({
      id: expect.stringMatching(/^user-/),
      name: '王会计',
      role: 'clerk',
      townships: ['城关镇'],
    });
    expect((await t.get('/v1/me', auditor).expect(200)).body).toMatchObject({
      name: '审计员',
      role: 'auditor',
      townships: [],
    });
    expect((await t.get('/v1/me', zhangUser).expect(200)).body).toMatchObject({
      role: 'household',
      householdId: zhang,
    });
    expect((await t.get('/v1/me').expect(200)).body).toMatchObject({ id: 'admin', role: 'admin' });
    await t.http.get('/v1/me').expect(401);
    await t.get('/v1/me', 'user-nobody.forged').expect(401);
    await t.get('/v1/me?extra=1', clerk).expect(400);
  });

  it('lists entities for pickers by name, clerks only their townships, households not at all', async () => {
    const all = await t.get(`/v1/entities?minPosition=${last}`, auditor).expect(200);
    expect(all.body.items.map((e: { name: string }) => e.name)).toEqual(['桃园茶叶专业合作社', '石头咀米厂']);
    expect(all.body.items[0]).toEqual({
      id: farm,
      name: '桃园茶叶专业合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    const mine = await t.get('/v1/entities', clerk).expect(200);
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual([farm]);
    const searched = await t.get(`/v1/entities?q=${encodeURIComponent('米厂')}`, auditor).expect(200);
    expect(searched.body.items.map((e: { id: string }) => e.id)).toEqual([mill]);
    const first = await t.get('/v1/entities?limit=1', auditor).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.get(`/v1/entities?limit=1&cursor=${first.body.nextCursor}`, auditor).expect(200);
    expect(second.body.items.map((e: { id: string }) => e.id)).toEqual([mill]);
    expect(second.body.nextCursor).toBeUndefined();
    await t.get('/v1/entities', zhangUser).expect(403);
    await t.get('/v1/entities?limit=0', auditor).expect(400);
    await t.get('/v1/entities?cursor=nonsense', auditor).expect(400);
  });

  it('lists projects for auditors and admins only', async () => {
    const res = await t.get(`/v1/projects?q=${encodeURIComponent('茶园')}&minPosition=${last}`, auditor).expect(200);
    expect(res.body.items).toEqual([
      { id: projectId, name: '桃园茶园扶贫项目', industry: 'planting', county: '英山县' },
    ]);
    await t.get('/v1/projects', clerk).expect(403);
    await t.get('/v1/projects?township=x', auditor).expect(400);
  });

  it("lists for a clerk also the entities of other townships its households are linked to (the picker's reach)", async () => {
    const zhao = await household('link-4', '赵六');
    const hired = await t
      .post('/v1/employments', {
        entityId: mill,
        householdId: zhao,
        workerName: '赵六',
        startsOn: '2018-05-01',
        wageBasis: 'daily',
        rateFen: 120_00,
      })
      .expect(201);
    const mine = await t.get(`/v1/entities?minPosition=${hired.body.position}`, clerk).expect(200);
    expect(mine.body.items.map((e: { id: string }) => e.id).sort()).toEqual([farm, mill].sort());
    // A clerk of a township no household of which works there still sees only its own.
    const elsewhere = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    expect((await t.get('/v1/entities', elsewhere).expect(200)).body.items).toEqual([]);
  });

  it("lists a household's linkages with the terms a payment form offers", async () => {
    const res = await t.get(`/v1/households/${zhang}/linkages?minPosition=${last}`, clerk).expect(200);
    const kinds = (res.body.items as { kind: string }[]).map((i) => i.kind).sort();
    expect(kinds).toEqual(['dividend', 'employment', 'lease', 'order']);
    const byKind = Object.fromEntries((res.body.items as { kind: string }[]).map((i) => [i.kind, i]));
    expect(byKind.dividend).toMatchObject({
      entity: { id: farm, name: '桃园茶叶专业合作社' },
      terms: { period: '2018', declaredOn: '2018-12-20', allocatedFen: 1_000_00 },
    });
    expect(byKind.lease).toMatchObject({
      startsOn: '2018-01-01',
      endsOn: '2019-12-31',
      terms: { areaMu: '2.50', schedule: 'yearly' },
    });
    expect(byKind.order).toMatchObject({ terms: { product: '茶叶', unit: '斤', priceFen: 30_00 } });
    expect(byKind.employment).toMatchObject({ terms: { workerName: '张三', wageBasis: 'monthly' } });
    expect((await t.get(`/v1/households/${li}/linkages`, clerk).expect(200)).body.items).toEqual([]);
    await t.get(`/v1/households/${other}/linkages`, clerk).expect(403);
    // Household users read their statement only (contract: roles).
    await t.get(`/v1/households/${zhang}/linkages`, zhangUser).expect(403);
    await t.get('/v1/households/household-00000000-0000-4000-8000-000000000000/linkages', clerk).expect(404);
  });

  describe('the phone link printed on a clarity card', () => {
    let link: string;
    let linkToken: string;

    it('prints a QR code of the console link with a signed, expiring token on the HTML and the PDF card', async () => {
      const html = await t.get(`/v1/households/${zhang}/statement.html?minPosition=${last}`, clerk).expect(200);
      expect(html.text).toContain('<section class="phone" id="phone-link">');
      expect(html.text).toMatch(/<svg[^>]+role="img"[^>]+aria-label="手机扫码查看"/);
      link = /<a href="([^"]+)">/.exec(html.text)![1].replace(/&amp;/g, '&');
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/phone\\.html#/s\\?h=${zhang}&token=hl1\\.`));
      linkToken = decodeURIComponent(new URL(link.replace('#/s', 's')).searchParams.get('token')!);
      expect(html.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日以后失效/);

      const pdf = await t.http
        .get(`/v1/households/${zhang}/statement.pdf`)
        .set('Authorization', `Bearer ${clerk}`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect((await pdfText(pdf.body as Buffer)).text).toContain('手机扫码查看');
    });

    it("opens that household's statement (JSON, HTML, PDF) and nothing else", async () => {
      const statement = await t.get(`/v1/households/${zhang}/statement`, linkToken).expect(200);
      expect(statement.body.household.id).toBe(zhang);
      const html = await t.get(`/v1/households/${zhang}/statement.html`, linkToken).expect(200);
      // A card printed through a link carries no new link: a link never renews itself.
      expect(html.text).not.toContain('id="phone-link"');
      await t.get(`/v1/households/${zhang}/statement.pdf`, linkToken).expect(200);

      const elsewhere = await t.get(`/v1/households/${li}/statement`, linkToken).expect(403);
      expect(elsewhere.body.code).toBe('AUTH.NOT_YOURS');
      for (const path of [`/v1/households/${zhang}`, `/v1/households/${zhang}/linkages`, '/v1/me', '/v1/entities']) {
        const refused = await t.get(path, linkToken).expect(403);
        expect(refused.body.code).toBe('AUTH.LINK_SCOPE');
      }
      await t
        .post(`/v1/households/${zhang}/status`, { status: 'exited', effectiveOn: '2019-01-01', reason: 'x' }, linkToken)
        .expect(403);
    });

    it('refuses an expired, forged or altered link with 401', async () => {
      const real = t.app.get(TokenIssuer);
      const expired = real.statementLinkFor(zhang, new Date(Date.now() - 1000));
      const refused = await t.get(`/v1/households/${zhang}/statement`, expired).expect(401);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      await t
        .get(`/v1/households/${zhang}/statement`, real.statementLinkFor(zhang, new Date(Date.now() + 60_000)))
        .expect(200);
      const issuer = new TokenIssuer('not-the-secret-not-the-secret-0123456789');
      await t
        .get(`/v1/households/${zhang}/statement`, issuer.statementLinkFor(zhang, new Date(Date.now() + 86_400_000)))
        .expect(401);
      // The same household with a later expiry but the old signature.
      const [prefix, id, expiry, mac] = linkToken.split('.');
      await t
        .get(`/v1/households/${zhang}/statement`, [prefix, id, String(Number(expiry) + 86_400), mac].join('.'))
        .expect(401);
      // Another household's id under this household's signature.
      await t.get(`/v1/households/${li}/statement`, [prefix, li, expiry, mac].join('.')).expect(401);
    });
  });
});
