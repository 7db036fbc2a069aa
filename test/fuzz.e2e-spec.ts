import fc from 'fast-check';
import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * Fuzzing every route of the service's own OpenAPI document with generated bad input, as an admin
 * (who may use every route, so the input itself is what is judged): wrong types, huge numbers,
 * fractions, dates at and beyond the ledger's edges, NUL and lone surrogates, over-long strings,
 * unknown fields, `__proto__`, deep nesting, malformed ids in paths, bad query parameters. Required:
 * no 500 at all, every 4xx is problem details, and every 400 names at least one field. Valid ids of
 * seeded data fill the paths, so requests reach the handlers. The seed is printed; set FUZZ_SEED to
 * replay a run, FUZZ_RUNS to change its size.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Target {
  method: 'get' | 'post' | 'put';
  path: string;
  operation: Operation;
}
interface Probe {
  method: Target['method'];
  url: string;
  body?: { json: unknown } | { raw: string } | { file: string; name: string };
  accept?: string;
}

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2400);

/** Percent-encodes like encodeURIComponent; a lone surrogate (which it refuses) as the bytes of one. */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^%\w.~-]/g, (c) => encodeURIComponent(c));
  }
};

// ---- bad values, by class
const EDGE_DATES = [
  '0000-01-01',
  '9999-12-31',
  '1949-09-30',
  '2101-01-01',
  '2018-02-30',
  '2018-13-01',
  '-001-01-01',
  '+02018-01-01',
  '2018-01-01T00:00:00Z',
];
const EDGE_INSTANTS = ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59+08:00', '2018-07-01T25:00:00Z', '2018-07-01'];
const EDGE_PERIODS = ['0000', '9999', '0000-H1', '9999-12', '2018-H3', '2018-Q0', '1800-Q1'];
const NASTY_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u001b[2J', '   ', '', '=cmd|" /C calc"!A0', '\u202e'];
const bigString = fc.integer({ min: 201, max: 30_000 }).map((n) => '长'.repeat(n));
const badNumber = fc.constantFrom(
  1e20,
  -1,
  0,
  0.5,
  1.005,
  2 ** 53,
  2 ** 63,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  -0,
  1e-7,
);
const deep = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badNumber,
  fc.constantFrom(...EDGE_DATES, ...EDGE_INSTANTS, ...EDGE_PERIODS, ...NASTY_TEXT),
  bigString,
  fc.constantFrom(null, true, false, [], {}, [1, 2], { $gt: '' }, ['2018-01-01']),
  fc.string({ unit: 'binary', maxLength: 12 }),
  // Deep enough for any parser's recursion, shallow enough for the client to serialise on a busy stack.
  fc.integer({ min: 30, max: 2000 }).map(deep),
  fc.double(),
  fc.integer(),
);
const badId = fc.oneof(
  fc.constantFrom(
    '%ff',
    '%00',
    '%ED%A0%80',
    'household-%E4%B8',
    '..%2f..%2fetc%2fpasswd',
    'household-00000000-0000-0000-0000-000000000000',
    'entity-00000000-0000-0000-0000-000000000000',
    encode('household-\u0000'),
    '__proto__',
    'constructor',
  ),
  fc.integer({ min: 61, max: 5000 }).map((n) => 'a'.repeat(n)),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    .map(encode)
    // `.` and `..` are dot segments: the client resolves them away (`/v1/dividends/.` is sent as
    // `/v1/dividends/`), so they never reach the server as an id.
    .filter((id) => !/^(\.|%2e){1,2}$/i.test(id)),
);
const badQueryValue = fc.oneof(
  fc.constantFrom(
    '1e20',
    '99999999999999999999',
    '-1',
    '0x10',
    '%205',
    '+5',
    '',
    '1.5',
    'NaN',
    'Infinity',
    '%00',
    '%ff',
  ),
  fc.constantFrom(...EDGE_DATES, ...EDGE_INSTANTS, ...EDGE_PERIODS).map(encode),
  fc.constantFrom(...NASTY_TEXT).map(encode),
  fc.integer({ min: 100, max: 5000 }).map((n) => 'q'.repeat(n)),
);

/** Every value a schema's example or type suggests, valid as far as a generator can tell. */
function sampleOf(schema: Schema | undefined, doc: OpenApi, depth = 0): unknown {
  if (!schema || depth > 5) return undefined;
  if (schema.$ref) return sampleOf(doc.components.schemas[schema.$ref.split('/').pop()!], doc, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return sampleOf(schema.oneOf[0], doc, depth + 1);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sampleOf(v, doc, depth + 1);
      return out;
    }
    case 'array':
      return [sampleOf(schema.items, doc, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
    case undefined:
    default:
      return schema.format === 'date'
        ? '2018-07-15'
        : schema.format === 'date-time'
          ? '2018-07-15T09:00:00+08:00'
          : 'x';
  }
}

describe('fuzz: every route of the OpenAPI document, generated bad input', () => {
  let t: TestApp;
  let doc: OpenApi;
  const ids: Record<string, string> = {};

  const created = async (path: string, body: Record<string, unknown>): Promise<string> => {
    const res = await t.post(path, body);
    if (res.status !== 201) throw new Error(`fixture ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const place = { village: '石头村', township: '城关镇', county: '英山县' };
    ids.households = await created('/v1/households', {
      registrationNo: 'fuzz-1',
      headName: '张三',
      members: 3,
      ...place,
    });
    await created('/v1/households', { registrationNo: 'fuzz-2', headName: '李四', members: 2, ...place });
    ids.entities = await created('/v1/entities', {
      name: '桃园合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    ids.projects = await created('/v1/projects', { name: '光伏电站', industry: 'pv', county: '英山县' });
    await created(`/v1/projects/${ids.projects}/funds`, {
      source: 'county',
      amountFen: 10_000_000,
      documentRef: '英财农〔2018〕12号',
      receivedOn: '2018-01-10',
    });
    await created(`/v1/projects/${ids.projects}/disbursements`, {
      entityId: ids.entities,
      amountFen: 1_000_000,
      purpose: '建设光伏电站',
      disbursedOn: '2018-02-01',
    });
    ids.stakes = await created('/v1/stakes', {
      entityId: ids.entities,
      householdId: ids.households,
      projectId: ids.projects,
      source: 'fiscal_fund',
      principalFen: 500_000,
      shares: 5,
      guaranteedYearlyFen: 40_000,
      startsOn: '2017-12-01',
      // A guarantee has a term (issue 14).
      endsOn: '2020-11-30',
    });
    ids.dividends = await created(`/v1/entities/${ids.entities}/dividends`, {
      period: '2018',
      declaredOn: '2019-01-10',
      recordDate: '2018-12-31',
      poolFen: 100_000,
    });
    ids.leases = await created('/v1/leases', {
      entityId: ids.entities,
      householdId: ids.households,
      areaMu: '2.50',
      rentPerMuYearFen: 80_000,
      startsOn: '2018-01-01',
      endsOn: '2020-12-31',
      schedule: 'yearly',
    });
    ids.payments = await created(`/v1/leases/${ids.leases}/payments`, {
      period: '2018',
      amountFen: 1_000,
      paidOn: '2018-02-01',
    });
    ids.employments = await created('/v1/employments', {
      entityId: ids.entities,
      householdId: ids.households,
      workerName: '张三',
      startsOn: '2018-03-15',
      wageBasis: 'monthly',
      rateFen: 200_000,
    });
    ids.orders = await created('/v1/orders', {
      entityId: ids.entities,
      householdId: ids.households,
      product: '猕猴桃',
      unit: 'kg',
      priceFen: 380,
      startsOn: '2018-08-01',
      endsOn: '2018-10-31',
    });
    const roster = await t.http
      .post('/v1/imports?kind=households&dryRun=true')
      .set({ Authorization: `Bearer ${ADMIN_TOKEN}` })
      .attach(
        'file',
        Buffer.from('户编号,户主姓名,人口,村,乡镇,县区\r\nfuzz-3,王五,2,石头村,城关镇,英山县\r\n'),
        'r.csv',
      );
    ids.imports = roster.body.id as string;
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => t.close());

  /** A valid id for a path parameter, by the collection it follows. */
  const validId = (path: string, name: string): string => {
    if (name === 'file') return 'wages.csv';
    if (name === 'code') return 'ABCD-EFGH';
    const collection = path.split('/')[2];
    return ids[collection] ?? 'x';
  };

  const targetsOf = (d: OpenApi): Target[] =>
    Object.entries(d.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === 'get' || method === 'post' || method === 'put')
        .map(([method, operation]) => ({ method: method as Target['method'], path, operation })),
    );

  /** One bad request for a route: one thing spoiled (a field, the body, an id, a query parameter). */
  const probeOf = (target: Target): fc.Arbitrary<Probe> => {
    const params = target.operation.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const query = params.filter((p) => p.in === 'query');
    const bodySchema = target.operation.requestBody?.content['application/json']?.schema;
    const base = (sampleOf(bodySchema, doc) as Record<string, unknown> | undefined) ?? {};
    const url = (idFor: (name: string) => string, search: string) =>
      target.path.replace(/\{(\w+)\}/g, (_, name: string) => idFor(name)) + search;
    const withIds = (name: string) => validId(target.path, name);
    const fields = Object.keys(base);

    const spoiledField = fc.record({
      field: fields.length ? fc.constantFrom(...fields) : fc.constant('anything'),
      value: badValue,
    });
    const bodyProbe = fc.oneof(
      spoiledField.map(({ field, value }) => ({ json: { ...base, [field]: value } })),
      fc.record({ key: fc.string({ maxLength: 20 }), value: badValue }).map(({ key, value }) => ({
        json: { ...base, [`unknown_${key}`]: value },
      })),
      fc.constantFrom(
        { raw: `{"__proto__":{"role":"admin"},${JSON.stringify(base).slice(1)}` },
        { raw: `{"constructor":{"prototype":{"polluted":true}}}` },
        { raw: '{"a":' },
        { raw: `${'['.repeat(5000)}${']'.repeat(5000)}` },
        { raw: `{"x":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}` },
        { raw: '"just a string"' },
        { raw: 'null' },
        { raw: '[]' },
        { raw: '1e400' },
        { raw: `{"n":1e400}` },
        { raw: `{"s":"\\u0000"}` },
        { raw: `{"s":"\\ud800"}` },
      ),
    );
    const idProbe = badId.map((bad) => ({
      method: target.method,
      url: url(() => bad, ''),
      ...(target.method === 'get' ? {} : { body: { json: base } }),
    }));
    const queryProbe = fc
      .record({
        name: query.length
          ? fc.constantFrom(...query.map((q) => q.name), 'minPosition', 'lang', 'bogus')
          : fc.constantFrom('minPosition', 'lang', 'bogus'),
        value: badQueryValue,
        csv: fc.boolean(),
      })
      // A well-formed position past the log's end is valid input that waits 5 s for a 503: not the point here.
      .map(({ name, value, csv }) => ({
        name,
        value: name === 'minPosition' && /^\d{1,15}$/.test(value) ? '1e20' : value,
        csv,
      }))
      .map(({ name, value, csv }) => ({
        method: target.method,
        url: url(withIds, `?${name}=${value}`),
        ...(target.method === 'get' ? {} : { body: { json: base } }),
        ...(csv ? { accept: 'text/csv' } : {}),
      }));
    // A roster upload: a generated file (bad cells, binary, a spreadsheet that is not one) with a bad name.
    const rosterProbe = fc
      .record({
        cells: fc.array(fc.oneof(badValue.map(String), fc.constantFrom(...NASTY_TEXT, ...EDGE_DATES)), {
          maxLength: 12,
        }),
        name: fc.constantFrom('r.csv', 'r.xlsx', 'r.txt', '名册\u0085.csv', 'x'.repeat(300) + '.csv', '.csv'),
        kind: fc.constantFrom('households', 'wages', 'rents', 'dividends', 'bogus'),
      })
      .map(({ cells, name, kind }) => ({
        method: target.method,
        url: `${target.path}?kind=${kind}&dryRun=true${kind === 'wages' || kind === 'rents' ? `&entityId=${ids.entities}` : ''}${kind === 'dividends' ? `&declarationId=${ids.dividends}` : ''}`,
        body: { file: `户编号,户主姓名,人口,村,乡镇,县区\r\n${cells.join(',')}\r\n`, name },
      }));
    const probes: fc.Arbitrary<Probe>[] = [queryProbe];
    if (target.operation.requestBody?.content['multipart/form-data']) probes.push(rosterProbe);
    if (pathParams.length) probes.push(idProbe);
    if (target.method !== 'get') {
      probes.push(bodyProbe.map((body) => ({ method: target.method, url: url(withIds, ''), body })));
    }
    return fc.oneof(...probes);
  };

  it('answers no generated bad request with a 500, and every refusal is problem details naming a field', async () => {
    const targets = targetsOf(doc);
    expect(targets.length).toBeGreaterThan(30);
    const probes = fc.sample(
      fc.constantFrom(...targets).chain((target) => probeOf(target)),
      { numRuns: RUNS, seed: SEED },
    );
    // Every route at least a few times, whatever the draw.
    for (const target of targets) probes.push(...fc.sample(probeOf(target), { numRuns: 5, seed: SEED }));

    const byClass: Record<string, number> = {};
    const failures: string[] = [];
    const started = Date.now();
    const send = async (probe: Probe) => {
      const server = t.app.getHttpServer();
      let req = request(server)[probe.method](probe.url).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
      if (probe.accept) req = req.set('Accept', probe.accept);
      if (probe.body && 'json' in probe.body) req = req.send(probe.body.json as object);
      else if (probe.body && 'file' in probe.body)
        req = req.attach('file', Buffer.from(probe.body.file), probe.body.name);
      else if (probe.body) req = req.set('Content-Type', 'application/json').send(probe.body.raw);
      let res: request.Response;
      try {
        res = await req;
      } catch (error) {
        // The client refused to send it (or the connection broke): say which probe, do not stop the run.
        failures.push(`no answer (${String(error)}): ${probe.method.toUpperCase()} ${probe.url.slice(0, 120)}`);
        return;
      }
      const cls = `${Math.floor(res.status / 100)}xx`;
      byClass[cls] = (byClass[cls] ?? 0) + 1;
      const where = `${probe.method.toUpperCase()} ${probe.url.slice(0, 120)} ${JSON.stringify(probe.body ?? '').slice(0, 120)}`;
      if (process.env.FUZZ_VERBOSE && res.status < 300) console.log(`${res.status} ${where}`);
      if (res.status >= 500 && res.status !== 503) failures.push(`${res.status} ${where}`);
      if (res.status >= 400) {
        const problem = res.body as {
          type?: unknown;
          title?: unknown;
          status?: unknown;
          errors?: { path?: unknown }[];
        };
        if (!/application\/problem\+json/.test(String(res.headers['content-type'])) || problem.status !== res.status) {
          failures.push(`${res.status} not problem details: ${where}`);
        } else if (res.status === 400 && !(problem.errors ?? []).some((e) => typeof e.path === 'string' && e.path)) {
          failures.push(`400 naming no field: ${where} → ${JSON.stringify(problem).slice(0, 200)}`);
        }
      }
    };
    // A few at a time: the handlers' concurrency is exercised too, and the run stays short.
    for (let i = 0; i < probes.length; i += 4) await Promise.all(probes.slice(i, i + 4).map(send));

    console.log(
      `fuzz: seed ${SEED}, ${probes.length} requests over ${targets.length} operations in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; by status class: ${JSON.stringify(byClass)}`,
    );
    expect(probes.length).toBeGreaterThanOrEqual(2000);
    expect(failures.slice(0, 30)).toEqual([]);
  }, 240_000); // about 40 s on a quiet machine; the margin is for a busy one
});
