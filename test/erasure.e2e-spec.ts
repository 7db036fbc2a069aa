import { Client } from 'pg';
import { ProjectionsHost } from '@ledger/ledger';
import { startTestApp, type TestApp } from './support/test-app';

/** Names that occur nowhere else, so finding them anywhere in the database is a trace of them. */
const HEAD = '欧阳春花';
const WORKER = '欧阳小明';
const REASON = `${HEAD}家申请退出`;
const REVERSAL = `${WORKER}的工资录重了`;
const ERASED = '[已删除]';
/** The head's name as the village's notice shows it. */
const MASKED = '欧**花';

/** Every table of the database (read models, key store, log, records) whose rows mention `text`. */
async function tablesMentioning(databaseUrl: string, text: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const found: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from ${name} t where t::text like '%' || $1 || '%'`,
        [text],
      );
      if (rows[0].n > 0) found.push(name);
    }
    return found;
  } finally {
    await client.end();
  }
}

describe('erasure of a household’s personal data over HTTP', () => {
  let t: TestApp;
  let householdId: string;
  let employmentId: string;
  let projectId: string;
  let noticeId: string;
  let noticePreview: string;
  let last: number;

  const statement = () => t.get(`/v1/households/${householdId}/statement?minPosition=${last}`).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const household = await t
      .post('/v1/households', {
        registrationNo: '421127010100901',
        headName: HEAD,
        members: 3,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      })
      .expect(201);
    householdId = household.body.id;
    const entity = await t
      .post('/v1/entities', { name: '桃园采摘园有限公司', kind: 'company', township: '城关镇', county: '英山县' })
      .expect(201);
    // A project's money reaching the household as a dividend: the fund flow names its head.
    projectId = (
      await t.post('/v1/projects', { name: '桃园采摘扶贫项目', industry: 'planting', county: '英山县' }).expect(201)
    ).body.id;
    await t
      .post(`/v1/projects/${projectId}/funds`, {
        source: 'central',
        amountFen: 50_000_00,
        documentRef: '英财农〔2018〕30号',
        receivedOn: '2018-01-10',
      })
      .expect(201);
    await t
      .post(`/v1/projects/${projectId}/disbursements`, {
        entityId: entity.body.id,
        amountFen: 40_000_00,
        purpose: '建设采摘园',
        disbursedOn: '2018-02-01',
      })
      .expect(201);
    await t
      .post('/v1/stakes', {
        entityId: entity.body.id,
        householdId,
        projectId,
        source: 'fiscal_fund',
        principalFen: 40_000_00,
        shares: 4,
        startsOn: '2018-03-01',
      })
      .expect(201);
    const declaration = await t
      .post(`/v1/entities/${entity.body.id}/dividends`, {
        period: '2018',
        declaredOn: '2018-12-20',
        recordDate: '2018-12-01',
        poolFen: 3_000_00,
      })
      .expect(201);
    await t
      .post(`/v1/dividends/${declaration.body.id}/payments`, { householdId, amountFen: 2_000_00, paidOn: '2018-12-25' })
      .expect(201);
    // A reversal on the declaration's stream (which concerns many households): its reason is the paid household's.
    const extra = await t
      .post(`/v1/dividends/${declaration.body.id}/payments`, { householdId, amountFen: 500_00, paidOn: '2018-12-26' })
      .expect(201);
    await t.post(`/v1/payments/${extra.body.id}/reversal`, { reason: `${HEAD}家账户填错` }).expect(201);
    const employment = await t
      .post('/v1/employments', {
        entityId: entity.body.id,
        householdId,
        workerName: WORKER,
        startsOn: '2018-03-15',
        wageBasis: 'monthly',
        rateFen: 200000,
      })
      .expect(201);
    employmentId = employment.body.id;
    for (const period of ['2018-06', '2018-07']) {
      await t
        .post(`/v1/employments/${employmentId}/payments`, { period, amountFen: 200000, paidOn: `${period}-28` })
        .expect(201);
    }
    const twice = await t
      .post(`/v1/employments/${employmentId}/payments`, { period: '2018-08', amountFen: 150000, paidOn: '2018-08-28' })
      .expect(201);
    await t.post(`/v1/payments/${twice.body.id}/reversal`, { reason: REVERSAL }).expect(201);
    // The village's dividend list as it was posted (公示), recorded afterwards: masked name and number.
    const notice = await t
      .post('/v1/notices', {
        village: '桃园村',
        township: '城关镇',
        title: '桃园村2018年分红公示',
        subject: { declarationId: declaration.body.id },
        opensOn: '2018-12-10',
        closesOn: '2018-12-16',
      })
      .expect(201);
    noticeId = notice.body.id;
    noticePreview = `/v1/notices/preview?village=${encodeURIComponent('桃园村')}&township=${encodeURIComponent('城关镇')}&declarationId=${declaration.body.id}`;
    const status = await t
      .post(`/v1/households/${householdId}/status`, { status: 'exited', effectiveOn: '2019-01-01', reason: REASON })
      .expect(201);
    last = status.body.position;
  });
  afterAll(() => t.close());

  it('keeps names out of the log itself, yet reads them back in clear before erasure', async () => {
    expect(await tablesMentioning(t.databaseUrl, WORKER)).not.toContain('public.events');
    expect(await tablesMentioning(t.databaseUrl, HEAD)).not.toContain('public.events');
    const before = await statement();
    expect(before.body.household.headName).toBe(HEAD);
    expect((await t.get(`/v1/employments/${employmentId}`).expect(200)).body.workerName).toBe(WORKER);
    expect((await t.get(`/v1/notices/${noticeId}`).expect(200)).body.rows).toEqual([
      { rowId: 'r1', household: { maskedName: MASKED, maskedRegistrationNo: '***********0901' }, amountFen: 3_000_00 },
    ]);
    expect(await tablesMentioning(t.databaseUrl, MASKED)).toEqual([]);
  });

  it('erases: names read [已删除] everywhere, totals and verify unchanged, search finds nothing, even after a rebuild', async () => {
    const before = await statement();
    const flowBefore = (await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}`).expect(200)).body;

    // Only an admin erases; a reason is required (400 naming the field).
    const clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    const verifiedBefore = (await t.get('/v1/audit/verify').expect(200)).body;
    expect(verifiedBefore.ok).toBe(true);
    await t.post(`/v1/households/${householdId}/erasure`, { reason: '工单 2026-118' }, clerk).expect(403);
    const bad = await t.post(`/v1/households/${householdId}/erasure`, {}).expect(400);
    expect(JSON.stringify(bad.body)).toContain('reason');

    const erased = await t.post(`/v1/households/${householdId}/erasure`, { reason: '工单 2026-118' }).expect(201);
    expect(erased.body).toEqual({ id: householdId, position: expect.any(Number) });
    last = erased.body.position;
    await t
      .post(`/v1/households/${householdId}/erasure`, { reason: '工单 2026-118' })
      .expect(409)
      .expect((res) => expect(res.body.code).toBe('HOUSEHOLD.ALREADY_ERASED'));

    const expectErased = async () => {
      const after = await statement();
      expect(after.body.household.headName).toBe(ERASED);
      expect(after.body.totals ?? after.body.totalFen).toEqual(before.body.totals ?? before.body.totalFen);
      expect(after.body.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual(
        before.body.lines.map((l: { amountFen: number }) => l.amountFen),
      );
      expect(JSON.stringify(after.body)).not.toMatch(/欧阳/);
      expect(JSON.stringify(after.body)).toContain(ERASED);

      const csv = await t.http
        .get(`/v1/households/${householdId}/statement?minPosition=${last}`)
        .set({ Authorization: `Bearer ${process.env.LEDGER_ADMIN_TOKEN}`, Accept: 'text/csv' })
        .expect(200);
      expect(csv.text).not.toMatch(/欧阳/);
      expect(csv.text).toContain(ERASED);
      const html = await t.get(`/v1/households/${householdId}/statement.html?minPosition=${last}`).expect(200);
      expect(html.text).not.toMatch(/欧阳/);
      expect(html.text).toContain(ERASED);
      await t.get(`/v1/households/${householdId}/statement.pdf?minPosition=${last}`).expect(200);

      const one = await t.get(`/v1/households/${householdId}?minPosition=${last}`).expect(200);
      expect(JSON.stringify(one.body)).not.toMatch(/欧阳/);
      expect((await t.get(`/v1/employments/${employmentId}`).expect(200)).body.workerName).toBe(ERASED);
      for (const name of [HEAD, WORKER]) {
        const found = await t.get(`/v1/households?q=${encodeURIComponent(name)}&minPosition=${last}`).expect(200);
        expect(found.body.items).toEqual([]);
      }
      const flow = (await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}`).expect(200)).body;
      expect(JSON.stringify(flow)).not.toMatch(/欧阳/);
      expect(JSON.stringify(flow).replaceAll(ERASED, HEAD)).toEqual(JSON.stringify(flowBefore));

      // The notice: its row reads [已删除] (name and number) on its page, printable page and preview,
      // its amount and the list's total as they were.
      const erasedRow = {
        rowId: 'r1',
        household: { maskedName: ERASED, maskedRegistrationNo: ERASED },
        amountFen: 3_000_00,
      };
      expect((await t.get(`/v1/notices/${noticeId}`).expect(200)).body.rows).toEqual([erasedRow]);
      const printable = await t.http.get(`/v1/notices/${noticeId}.html`).expect(200);
      expect(printable.text).not.toContain(MASKED);
      expect(printable.text).not.toContain('0901');
      expect(printable.text).toContain(ERASED);
      expect(printable.text).toContain('3,000.00');
      expect((await t.get(noticePreview).expect(200)).body.rows).toEqual([erasedRow]);
      const notices = (
        await t.get(`/v1/notices?township=${encodeURIComponent('城关镇')}&minPosition=${last}`).expect(200)
      ).body;
      expect(notices.totals).toMatchObject({ notices: 1, rows: 1, totalFen: 3_000_00 });
      expect(JSON.stringify(notices)).not.toContain(MASKED);

      const verified = (await t.get('/v1/audit/verify').expect(200)).body;
      expect(verified.ok).toBe(true);
      expect(verified.eventsChecked).toBe(verifiedBefore.eventsChecked + 1);
    };

    // The live read models, as the projections applied HouseholdErased.
    await expectErased();
    expect(await tablesMentioning(t.databaseUrl, '欧阳')).toEqual([]);

    // Every read model rebuilt from the log: the events now open as [已删除] themselves.
    const host = t.app.get(ProjectionsHost);
    const results = await host.rebuilder(host.projections).run();
    expect(results.every((r) => r.status === 'rebuilt')).toBe(true);
    await expectErased();
    expect(await tablesMentioning(t.databaseUrl, '欧阳')).toEqual([]);
  });

  it('keeps later writes for the erased household readable as amounts, never as names', async () => {
    const wage = await t
      .post(`/v1/employments/${employmentId}/payments`, { period: '2018-09', amountFen: 200000, paidOn: '2018-09-28' })
      .expect(201);
    last = wage.body.position;
    const after = await statement();
    expect(after.body.lines.some((l: { paymentId: string }) => l.paymentId === wage.body.id)).toBe(true);
    expect(await tablesMentioning(t.databaseUrl, '欧阳')).toEqual([]);
  });
});
