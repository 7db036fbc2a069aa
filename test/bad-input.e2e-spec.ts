import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * Bad input, class by class, against the routes that carry money: every case must be a 400 whose
 * `errors` name the offending field by path (and nothing else), never a 500 and never a 2xx.
 * Each request is otherwise valid, so a 400 can only come from the one thing that was spoiled.
 */

interface Target {
  name: string;
  path(): string;
  body(): Record<string, unknown>;
  /** Fields the route requires: an empty body must name each of them. */
  required: string[];
  /** Field → bad values for it (each must be a 400 naming that field). */
  fields: Record<string, unknown[]>;
}

interface Case {
  target: string;
  label: string;
  path: string;
  /** A JSON value to send, or raw text (sent as application/json as it is), or nothing at all. */
  send: { json: unknown } | { raw: string } | { none: true };
  method?: 'GET' | 'POST';
  /** The paths the 400 must name, exactly. */
  expectPaths: string[];
}

const MONEY: unknown[] = [1.5, '100', 9007199254740992, 2 ** 60, -100, 0, null, true, false, [100], { fen: 100 }, ''];
const DATE: unknown[] = [
  // Outside the ledger's world (1949-10-01 to 2100-12-31): a year-0000 date once stalled the projections.
  '0000-01-01',
  '9999-12-31',
  '1949-09-30',
  '2101-01-01',
  '2018-02-30',
  '2018-13-01',
  '2018/01/01',
  '2018-1-1',
  '20180101',
  20180101,
  null,
  true,
  ['2018-01-01'],
  { date: '2018-01-01' },
];
const PERIOD: unknown[] = [
  '0000',
  '9999',
  '0000-H1',
  '9999-12',
  '2018-H3',
  '2018-Q5',
  '2018-13',
  '2018-00',
  '18',
  'H1-2018',
  2018,
  null,
  ['2018'],
  {},
];
const MONTH: unknown[] = [
  '0000-01',
  '9999-12',
  '2018-13',
  '2018-00',
  '2018-7',
  '2018',
  '2018-H1',
  '2018-Q3',
  201807,
  null,
  ['2018-07'],
];
const TEXT: unknown[] = [
  ['PZ-1'],
  { ref: 'PZ-1' },
  42,
  true,
  null,
  '',
  '   ',
  'PZ\u0000',
  'PZ\ud800',
  'x'.repeat(2001),
];
const ID: unknown[] = [['x'], { id: 'x' }, 42, null, 'household-1', ''];
const UNSAFE_KEYS = [
  { key: '__proto__', value: '{"amountFen":1,"isAdmin":true,"role":"admin"}' },
  { key: 'constructor', value: '{"prototype":{"polluted":true}}' },
  { key: 'prototype', value: '{"polluted":true}' },
];

describe('bad input is a 400 naming the field', () => {
  let t: TestApp;
  let householdId: string;
  let entityId: string;
  let projectId: string;
  let leaseId: string;
  let declarationId: string;
  let employmentId: string;
  let orderId: string;

  const created = async (path: string, body: Record<string, unknown>): Promise<string> => {
    const res = await t.post(path, body);
    if (res.status !== 201) throw new Error(`fixture ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  const targets: Target[] = [
    {
      name: 'rent payment',
      path: () => `/v1/leases/${leaseId}/payments`,
      body: () => ({ period: '2018', amountFen: 200_000, paidOn: '2018-02-01', reference: 'PZ-1' }),
      required: ['amountFen', 'paidOn', 'period'],
      fields: { amountFen: MONEY, paidOn: DATE, period: PERIOD, reference: TEXT },
    },
    {
      name: 'dividend payment',
      path: () => `/v1/dividends/${declarationId}/payments`,
      body: () => ({ householdId, amountFen: 1_00, paidOn: '2019-01-15', reference: 'FH-1' }),
      required: ['amountFen', 'householdId', 'paidOn'],
      fields: { amountFen: MONEY, paidOn: DATE, householdId: ID, reference: TEXT },
    },
    {
      name: 'wage payment',
      path: () => `/v1/employments/${employmentId}/payments`,
      body: () => ({
        period: '2018-07',
        amountFen: 200_000,
        paidOn: '2018-07-28',
        daysWorked: 22,
        supplementary: false,
        reference: 'GZ-1',
      }),
      required: ['amountFen', 'paidOn', 'period'],
      fields: {
        amountFen: MONEY,
        paidOn: DATE,
        period: MONTH,
        daysWorked: [1.5, '22', -1, 32, null, true, [22]],
        supplementary: ['true', 1, 0, null, [true], {}],
        reference: TEXT,
      },
    },
    {
      name: 'purchase payment',
      path: () => `/v1/orders/${orderId}/payments`,
      body: () => ({ quantity: 12.5, amountFen: 4750, deliveredOn: '2018-09-10', paidOn: '2018-09-15' }),
      required: ['amountFen', 'deliveredOn', 'paidOn', 'quantity'],
      fields: {
        amountFen: MONEY,
        deliveredOn: DATE,
        paidOn: DATE,
        quantity: [-1, 0, '0', 'abc', '1e3', 1.2345, null, true, [1], {}],
      },
    },
    {
      name: 'project funds',
      path: () => `/v1/projects/${projectId}/funds`,
      body: () => ({
        source: 'county',
        amountFen: 1_000_00,
        documentRef: '英财农〔2018〕12号',
        receivedOn: '2018-01-10',
      }),
      required: ['amountFen', 'documentRef', 'receivedOn', 'source'],
      fields: { amountFen: MONEY, receivedOn: DATE, source: ['bank', null, ['county'], 1], documentRef: TEXT },
    },
    {
      name: 'disbursement',
      path: () => `/v1/projects/${projectId}/disbursements`,
      body: () => ({ entityId, amountFen: 100_00, purpose: '购买基础母牛', disbursedOn: '2018-02-01' }),
      required: ['amountFen', 'disbursedOn', 'entityId', 'purpose'],
      fields: { amountFen: MONEY, disbursedOn: DATE, entityId: ID, purpose: TEXT },
    },
    {
      name: 'stake',
      path: () => '/v1/stakes',
      body: () => ({
        entityId,
        householdId,
        source: 'cash',
        principalFen: 1_000_00,
        shares: 1,
        guaranteedYearlyFen: 80_00,
        startsOn: '2018-01-01',
        endsOn: '2030-12-31',
      }),
      required: ['entityId', 'householdId', 'principalFen', 'shares', 'source', 'startsOn'],
      fields: {
        principalFen: MONEY,
        guaranteedYearlyFen: MONEY,
        shares: [1.5, '1', 0, -1, 9007199254740992, null, true, [1]],
        startsOn: DATE,
        endsOn: DATE,
        householdId: ID,
      },
    },
    {
      name: 'dividend declaration',
      path: () => `/v1/entities/${entityId}/dividends`,
      body: () => ({
        period: '2018',
        declaredOn: '2019-01-10',
        recordDate: '2018-12-31',
        poolFen: 1_000_00,
        supplementary: true, // declared more than once here
      }),
      required: ['declaredOn', 'period', 'recordDate'],
      fields: {
        poolFen: MONEY,
        period: PERIOD,
        declaredOn: DATE,
        recordDate: DATE,
        supplementary: ['true', 1, 0, null, [true], {}],
      },
    },
    {
      name: 'lease',
      path: () => '/v1/leases',
      body: () => ({
        entityId,
        householdId,
        areaMu: '2.50',
        rentPerMuYearFen: 80_000,
        startsOn: '2018-01-01',
        endsOn: '2020-12-31',
        schedule: 'yearly',
      }),
      required: ['areaMu', 'endsOn', 'entityId', 'householdId', 'rentPerMuYearFen', 'schedule', 'startsOn'],
      fields: {
        rentPerMuYearFen: MONEY,
        startsOn: DATE,
        endsOn: DATE,
        areaMu: ['2.505', 2.5, '-1', '0', 'abc', null, ['2.50']],
        schedule: ['monthly', null, ['yearly']],
      },
    },
  ];

  /** Every case, built once the fixtures exist. */
  const casesOf = (target: Target): Case[] => {
    const path = target.path();
    const base = target.body();
    const raw = (extra: string) => `${JSON.stringify(base).slice(0, -1)},${extra}}`;
    const cases: Case[] = [];
    for (const [field, values] of Object.entries(target.fields)) {
      for (const value of values) {
        cases.push({
          target: target.name,
          label: `${field} = ${JSON.stringify(value) ?? String(value)}`,
          path,
          send: { json: { ...base, [field]: value } },
          expectPaths: [field],
        });
      }
    }
    cases.push(
      {
        target: target.name,
        label: 'unknown body field',
        path,
        send: { json: { ...base, extra: 1 } },
        expectPaths: ['extra'],
      },
      {
        target: target.name,
        label: 'unknown nested field',
        path,
        send: { json: { ...base, meta: { note: 'x' } } },
        expectPaths: ['meta'],
      },
      {
        target: target.name,
        label: 'unknown query parameter',
        path: `${path}?extra=1`,
        send: { json: base },
        expectPaths: ['extra'],
      },
      {
        target: target.name,
        label: 'query parameter that is a body field',
        path: `${path}?amountFen=1`,
        send: { json: base },
        expectPaths: ['amountFen'],
      },
      ...UNSAFE_KEYS.map(({ key, value }) => ({
        target: target.name,
        label: `"${key}" key in the body`,
        path,
        send: { raw: raw(`"${key}":${value}`) },
        expectPaths: [key],
      })),
      {
        target: target.name,
        label: 'empty body',
        path,
        send: { none: true as const },
        expectPaths: target.required,
      },
      { target: target.name, label: 'empty object', path, send: { json: {} }, expectPaths: target.required },
      { target: target.name, label: 'array body', path, send: { raw: '[]' }, expectPaths: ['body'] },
      {
        target: target.name,
        label: 'array of the body',
        path,
        send: { raw: `[${JSON.stringify(base)}]` },
        expectPaths: ['body'],
      },
      { target: target.name, label: 'scalar body', path, send: { raw: '"100"' }, expectPaths: ['body'] },
      { target: target.name, label: 'null body', path, send: { raw: 'null' }, expectPaths: ['body'] },
      { target: target.name, label: 'malformed JSON', path, send: { raw: '{"amountFen": 1,' }, expectPaths: ['body'] },
      {
        target: target.name,
        label: 'trailing garbage',
        path,
        send: { raw: `${JSON.stringify(base)}x` },
        expectPaths: ['body'],
      },
    );
    return cases;
  };

  const queryCases = (): Case[] =>
    [
      { path: `/v1/leases/${leaseId}?extra=1`, expectPaths: ['extra'] },
      { path: `/v1/leases/${leaseId}?minPosition=abc`, expectPaths: ['minPosition'] },
      { path: `/v1/leases/${leaseId}?lang=fr`, expectPaths: ['lang'] },
      { path: `/v1/households/${householdId}?__proto__=1`, expectPaths: ['__proto__'] },
      { path: `/v1/dividends/${declarationId}?extra=1`, expectPaths: ['extra'] },
      { path: '/v1/households?extra=1', expectPaths: ['extra'] },
      { path: '/v1/households?limit=abc', expectPaths: ['limit'] },
      { path: `/v1/households/${householdId}/statement?extra=1`, expectPaths: ['extra'] },
      { path: `/v1/households/${householdId}/statement?from=2018-02-30`, expectPaths: ['from'] },
      { path: `/v1/entities/${entityId}/obligations?dueBy=2018-13-01`, expectPaths: ['dueBy'] },
    ].map((c) => ({ ...c, target: 'queries', label: c.path, send: { none: true as const }, method: 'GET' as const }));

  const send = (c: Case) => {
    const server = t.app.getHttpServer();
    const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    if (c.method === 'GET') return request(server).get(c.path).set(auth);
    const req = request(server).post(c.path).set(auth);
    if ('none' in c.send) return req;
    if ('raw' in c.send) return req.set('Content-Type', 'application/json').send(c.send.raw);
    return req.send(c.send.json as object);
  };

  let total = 0;
  let named = 0;
  let fiveHundreds = 0;
  let twoHundreds = 0;
  const skipped: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const household = { headName: '张三', members: 3, village: '石头村', township: '城关镇', county: '英山县' };
    householdId = await created('/v1/households', { ...household, registrationNo: 'bad-input-1' });
    entityId = await created('/v1/entities', {
      name: '桃园合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    projectId = await created('/v1/projects', { name: '肉牛养殖扶贫项目', industry: 'breeding', county: '英山县' });
    await created(`/v1/projects/${projectId}/funds`, targets[4].body());
    await created('/v1/stakes', {
      entityId,
      householdId,
      source: 'cash',
      principalFen: 1_000_00,
      shares: 1,
      startsOn: '2017-12-01',
    });
    declarationId = await created(`/v1/entities/${entityId}/dividends`, targets[7].body());
    leaseId = await created('/v1/leases', targets[8].body());
    employmentId = await created('/v1/employments', {
      entityId,
      householdId,
      workerName: '张三',
      startsOn: '2018-03-15',
      wageBasis: 'monthly',
      rateFen: 200_000,
    });
    orderId = await created('/v1/orders', {
      entityId,
      householdId,
      product: '猕猴桃',
      unit: 'kg',
      priceFen: 380,
      startsOn: '2018-08-01',
      endsOn: '2018-10-31',
    });
  });
  afterAll(() => t.close());

  const check = async (cases: Case[]) => {
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await send(c);
      if (c.method === 'GET' && res.status === 404 && res.body?.type === 'urn:ledger:problem:http:404') {
        skipped.push(c.path); // a read route not present in this build
        continue;
      }
      total += 1;
      if (res.status >= 500) fiveHundreds += 1;
      if (res.status < 300) twoHundreds += 1;
      const paths = [...new Set(((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path))].sort();
      const ok =
        res.status === 400 &&
        String(res.headers['content-type']).startsWith('application/problem+json') &&
        JSON.stringify(paths) === JSON.stringify([...c.expectPaths].sort());
      if (ok) named += 1;
      else wrong.push(`${c.target}: ${c.label} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    expect(wrong).toEqual([]);
  };

  it('refuses every class on every money-bearing route', async () => {
    for (const target of targets) await check(casesOf(target));
  });

  it('refuses unknown and malformed query parameters on reads', async () => {
    await check(queryCases());
  });

  it('was not polluted by __proto__ or constructor keys', () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.isAdmin).toBeUndefined();
    expect(probe.polluted).toBeUndefined();
    expect(probe.role).toBeUndefined();
  });

  it('accepts each base request as it is (so every 400 above came from the spoiled field)', async () => {
    for (const target of targets) {
      const res = await t.post(target.path(), target.body());
      expect([target.name, res.status]).toEqual([target.name, 201]);
    }
  });

  it('reports the figures', () => {
    console.log(
      `bad input: 400 naming the field: ${named}/${total}, 500s: ${fiveHundreds}, 2xx: ${twoHundreds}` +
        (skipped.length ? `; routes not present (skipped): ${skipped.join(', ')}` : ''),
    );
    expect(named).toBe(total);
    expect(fiveHundreds).toBe(0);
    expect(twoHundreds).toBe(0);
  });
});
