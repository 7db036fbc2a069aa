import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import type request from 'supertest';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { dateInChina } from '../libs/ledger/src/primitives/calendar';
import { startTestApp, type TestApp } from './support/test-app';

const UNKNOWN_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';
const UNKNOWN_PROJECT = 'project-00000000-0000-5000-8000-000000000000';

const fieldsOf = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();

/** A CSV answer as text, byte-order mark included. */
const csvOf = (req: request.Test) =>
  req
    .set('Accept', 'text/csv')
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });

describe('obligations and fund flow over HTTP', () => {
  let t: TestApp;
  let pool: Pool;
  let store: PostgresEventStore;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let seq = 0;

  const household = async (headName: string, township = '城关镇'): Promise<string> => {
    seq += 1;
    const body = {
      registrationNo: `4211270201${String(seq).padStart(5, '0')}`,
      headName,
      members: 3,
      village: '石头村',
      township,
      county: '英山县',
    };
    return (await t.post('/v1/households', body).expect(201)).body.id as string;
  };
  const entity = async (name: string, township = '城关镇'): Promise<string> =>
    (await t.post('/v1/entities', { name, kind: 'cooperative', township, county: '英山县' }).expect(201)).body
      .id as string;
  /** Writes through the API and answers the position, to pass as minPosition. */
  const write = async (path: string, body: object): Promise<{ id: string; position: number }> =>
    (await t.post(path, body).expect(201)).body as { id: string; position: number };
  /** A moment strictly between what was recorded before and what is recorded after. */
  const instant = async (): Promise<string> => {
    await sleep(20);
    const at = new Date().toISOString();
    await sleep(20);
    return at;
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    pool = new Pool({ connectionString: t.databaseUrl, max: 2 });
    store = new PostgresEventStore(pool);
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  describe('GET /v1/entities/{id}/obligations', () => {
    let farm: string;
    let zhang: string;
    let li: string;
    let wang: string;
    let declarationId: string;
    let leaseId: string;
    let p1: string;
    let beforeLiPaid: string;
    let beforeEnd: string;
    let last: number;

    const obligations = (query = '', token?: string) =>
      t.get(`/v1/entities/${farm}/obligations?minPosition=${last}${query ? `&${query}` : ''}`, token);

    beforeAll(async () => {
      farm = await entity('石头村养牛合作社');
      zhang = await household('张三');
      li = await household('李四');
      wang = await household('王五');
      const stake = (householdId: string, shares: number) => ({
        entityId: farm,
        householdId,
        source: 'cash',
        principalFen: 1_000_00,
        shares,
        startsOn: '2017-12-01',
      });
      await write('/v1/stakes', stake(zhang, 1));
      await write('/v1/stakes', stake(zhang, 1));
      await write('/v1/stakes', stake(li, 2));
      declarationId = (
        await write(`/v1/entities/${farm}/dividends`, {
          period: '2018-H1',
          declaredOn: '2018-07-10',
          recordDate: '2018-06-30',
          poolFen: 3_000_00,
        })
      ).id;
      p1 = (
        await write(`/v1/dividends/${declarationId}/payments`, {
          householdId: zhang,
          amountFen: 1_000_00,
          paidOn: '2018-07-15',
        })
      ).id;
      beforeLiPaid = await instant();
      await write(`/v1/dividends/${declarationId}/payments`, {
        householdId: li,
        amountFen: 500_00,
        paidOn: '2018-07-20',
      });
      const lease = await t
        .post('/v1/leases', {
          entityId: farm,
          householdId: wang,
          areaMu: '2.50',
          rentPerMuYearFen: 80_000,
          startsOn: '2018-01-01',
          endsOn: '2020-12-31',
          schedule: 'yearly',
        })
        .expect(201);
      leaseId = lease.body.id as string;
      last = (
        await write(`/v1/leases/${leaseId}/payments`, { period: '2018', amountFen: 2_000_00, paidOn: '2018-01-10' })
      ).position;
    });

    it('lists a declaration with partial payments and a lease’s due periods, with what is outstanding', async () => {
      const res = await obligations('dueBy=2019-12-31', clerk).expect(200);
      const dividendItems = [
        {
          linkageId: declarationId,
          kind: 'dividend',
          householdId: zhang,
          period: '2018-H1',
          dueOn: '2018-07-10',
          dueFen: 1_500_00, // two stakes of 750
          paidFen: 1_000_00,
          outstandingFen: 500_00,
        },
        {
          linkageId: declarationId,
          kind: 'dividend',
          householdId: li,
          period: '2018-H1',
          dueOn: '2018-07-10',
          dueFen: 1_500_00,
          paidFen: 500_00,
          outstandingFen: 1_000_00,
        },
      ].sort((a, b) => (a.householdId < b.householdId ? -1 : 1));
      expect(res.body).toEqual({
        entity: { id: farm, name: '石头村养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' },
        asOf: expect.any(String),
        dueBy: '2019-12-31',
        items: [
          {
            linkageId: leaseId,
            kind: 'rent',
            householdId: wang,
            period: '2018',
            dueOn: '2018-01-01',
            dueFen: 2_000_00,
            paidFen: 2_000_00,
            outstandingFen: 0,
          },
          ...dividendItems,
          {
            linkageId: leaseId,
            kind: 'rent',
            householdId: wang,
            period: '2019',
            dueOn: '2019-01-01',
            dueFen: 2_000_00,
            paidFen: 0,
            outstandingFen: 2_000_00,
          },
        ],
        totals: {
          dueFen: 7_000_00,
          paidFen: 3_500_00,
          outstandingFen: 3_500_00,
          byKind: {
            dividend: { dueFen: 3_000_00, paidFen: 1_500_00, outstandingFen: 1_500_00 },
            rent: { dueFen: 4_000_00, paidFen: 2_000_00, outstandingFen: 2_000_00 },
            guarantee: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
            distribution: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
          },
        },
      });
    });

    it('defaults dueBy to the date of asOf in China, and asOf to now', async () => {
      const res = await obligations().expect(200);
      expect(res.body.dueBy).toBe(dateInChina(res.body.asOf as string));
      expect(Math.abs(Date.parse(res.body.asOf as string) - Date.now())).toBeLessThan(60_000);
      expect((res.body.items as { period: string }[]).map((i) => i.period)).toEqual([
        '2018',
        '2018-H1',
        '2018-H1',
        '2019',
        '2020',
      ]);
      const asOf = '2018-06-30T16:00:00Z'; // 2018-07-01 in China
      const then = await obligations(`asOf=${encodeURIComponent(asOf)}`).expect(200);
      expect(then.body).toMatchObject({ asOf, dueBy: '2018-07-01', items: [], totals: { dueFen: 0 } });
      const leap = await obligations(`asOf=${encodeURIComponent('2018-07-01T07:59:60+0800')}`).expect(200);
      expect(leap.body).toMatchObject({ asOf: '2018-07-01T07:59:60+0800', dueBy: '2018-07-01', items: [] });
    });

    it('lists only what falls due on or before dueBy', async () => {
      const res = await obligations('dueBy=2018-07-09').expect(200);
      expect((res.body.items as { period: string }[]).map((i) => i.period)).toEqual(['2018']);
      const rentOnly = { dueFen: 2_000_00, paidFen: 2_000_00, outstandingFen: 0 };
      expect(res.body.totals).toEqual({
        ...rentOnly,
        byKind: {
          dividend: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
          rent: rentOnly,
          guarantee: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
          distribution: { dueFen: 0, paidFen: 0, outstandingFen: 0 },
        },
      });
      const onTheDay = await obligations('dueBy=2018-07-10').expect(200);
      expect(onTheDay.body.items).toHaveLength(3);
    });

    it('shows a payment recorded after asOf as unpaid', async () => {
      const res = await obligations(`dueBy=2018-12-31&asOf=${encodeURIComponent(beforeLiPaid)}`).expect(200);
      const items = res.body.items as { kind: string; householdId: string; paidFen: number }[];
      expect(res.body.asOf).toBe(beforeLiPaid);
      expect(items.find((i) => i.householdId === li)?.paidFen).toBe(0);
      expect(items.find((i) => i.householdId === zhang)?.paidFen).toBe(1_000_00);
      // The lease was signed later still: it is not there at all.
      expect(items.map((i) => i.kind)).toEqual(['dividend', 'dividend']);
    });

    it('follows an early end of the lease and a reversal, each from when it was recorded', async () => {
      beforeEnd = await instant();
      await write(`/v1/leases/${leaseId}/end`, { endsOn: '2019-06-30', reason: '合作社调整种植规划' });
      const beforeReversal = await instant();
      const reversed = await store.appendToStream(
        declarationId,
        [
          {
            id: randomUUID(),
            type: 'PaymentReversed',
            data: { paymentId: p1, reversalId: `${p1}.r`, reason: '重复录入' },
            metadata: { userId: 'test' },
          },
        ],
        'any',
      );
      last = reversed.position;

      const now = await obligations('dueBy=2020-12-31').expect(200);
      const items = now.body.items as {
        kind: string;
        householdId: string;
        period: string;
        dueFen: number;
        paidFen: number;
      }[];
      expect(items.filter((i) => i.kind === 'rent').map((i) => [i.period, i.dueFen])).toEqual([
        ['2018', 2_000_00],
        ['2019', 1_000_00],
      ]);
      expect(items.find((i) => i.householdId === zhang)?.paidFen).toBe(0);

      const earlier = await obligations(`dueBy=2020-12-31&asOf=${encodeURIComponent(beforeEnd)}`).expect(200);
      const before = earlier.body.items as typeof items;
      expect(before.filter((i) => i.kind === 'rent').map((i) => [i.period, i.dueFen])).toEqual([
        ['2018', 2_000_00],
        ['2019', 2_000_00],
        ['2020', 2_000_00],
      ]);
      const notYetReversed = await obligations(`dueBy=2020-12-31&asOf=${encodeURIComponent(beforeReversal)}`).expect(
        200,
      );
      expect((notYetReversed.body.items as typeof items).find((i) => i.householdId === zhang)?.paidFen).toBe(1_000_00);
    });

    it('answers CSV with a BOM, a header row and one row per item', async () => {
      const res = await csvOf(obligations('dueBy=2018-12-31')).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const text = res.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = text.slice(1).trimEnd().split('\r\n');
      expect(rows[0]).toBe(
        'linkageId,kind,householdId,period,dueOn,dueFen,paidFen,outstandingFen,dueYuan,paidYuan,outstandingYuan',
      );
      expect(rows).toHaveLength(4);
      expect(rows[1]).toBe(`${leaseId},rent,${wang},2018,2018-01-01,200000,200000,0,2000.00,2000.00,0.00`);
      expect(rows).toContain(
        `${declarationId},dividend,${li},2018-H1,2018-07-10,150000,50000,100000,1500.00,500.00,1000.00`,
      );
    });

    it('lets admins, auditors and the entity’s township’s clerks read; nobody else', async () => {
      await obligations('', auditor).expect(200);
      await obligations('', clerk).expect(200);
      const other = await obligations('', otherClerk).expect(403);
      expect(other.body.code).toBe('AUTH.NOT_YOURS');
      const householdUser = await t.userToken({ role: 'household', householdId: zhang });
      await obligations('', householdUser).expect(403);
      await t.http.get(`/v1/entities/${farm}/obligations`).expect(401);
    });

    it('pages the items with a cursor, the totals covering every page', async () => {
      const all = (await obligations('dueBy=2030-12-31').expect(200)).body as {
        items: { linkageId: string }[];
        totals: object;
        nextCursor?: string;
      };
      expect(all.items.length).toBeGreaterThan(3);
      expect(all.nextCursor).toBeUndefined();
      const seen: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = (await obligations(`dueBy=2030-12-31&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200))
          .body as typeof all;
        expect(page.items.length).toBeLessThanOrEqual(2);
        expect(page.totals).toEqual(all.totals);
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items);
      const bad = await obligations('limit=0&cursor=not-a-cursor').expect(400);
      expect(fieldsOf(bad.body)).toEqual(['limit']);
      const badCursor = await obligations('cursor=not-a-cursor').expect(400);
      expect(fieldsOf(badCursor.body)).toEqual(['cursor']);
    });

    it('answers 404 for an unknown or malformed entity and 400 naming bad query fields', async () => {
      await t.get(`/v1/entities/${UNKNOWN_ENTITY}/obligations`).expect(404);
      await t.get('/v1/entities/nope/obligations').expect(404);
      const bad = await t
        .get(`/v1/entities/${farm}/obligations?asOf=2018-07-01&dueBy=2018-02-30&minPosition=-1&extra=1`)
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['asOf', 'dueBy', 'extra', 'minPosition']);
      await t.get(`/v1/entities/${farm}/obligations?asOf=2018-07-01T25:00:00Z`).expect(400);
    });
  });

  describe('GET /v1/audit/fund-flow', () => {
    let projectId: string;
    let orchard: string;
    let zhang: string;
    let li: string;
    let s1: string;
    let s2: string;
    let last: number;

    const fundFlow = (token?: string, id = projectId) =>
      t.get(`/v1/audit/fund-flow?projectId=${id}&minPosition=${last}`, token);

    beforeAll(async () => {
      orchard = await entity('桃园采摘园公司');
      zhang = await household('赵一');
      li = await household('钱二', '温泉镇');
      projectId = (await write('/v1/projects', { name: '桃园采摘扶贫项目', industry: 'planting', county: '英山县' }))
        .id;
      const funds = (source: string, amountFen: number) =>
        write(`/v1/projects/${projectId}/funds`, {
          source,
          amountFen,
          documentRef: '英财农〔2018〕30号',
          receivedOn: '2018-01-10',
        });
      await funds('central', 50_000_00);
      await funds('county', 30_000_00);
      await write(`/v1/projects/${projectId}/disbursements`, {
        entityId: orchard,
        amountFen: 60_000_00,
        purpose: '建设采摘园',
        disbursedOn: '2018-02-01',
      });
      const fiscal = (householdId: string, principalFen: number, shares: number) =>
        write('/v1/stakes', {
          entityId: orchard,
          householdId,
          projectId,
          source: 'fiscal_fund',
          principalFen,
          shares,
          startsOn: '2018-03-01',
        });
      s1 = (await fiscal(zhang, 40_000_00, 4)).id;
      s2 = (await fiscal(li, 20_000_00, 2)).id;
      const declarationId = (
        await write(`/v1/entities/${orchard}/dividends`, {
          period: '2018',
          declaredOn: '2018-12-20',
          recordDate: '2018-12-01',
          poolFen: 3_000_00,
        })
      ).id;
      last = (
        await write(`/v1/dividends/${declarationId}/payments`, {
          householdId: zhang,
          amountFen: 2_000_00,
          paidOn: '2018-12-25',
        })
      ).position;
    });

    it('traces two funds, a disbursement, two fiscal stakes and a dividend paid; the totals reconcile', async () => {
      const res = await fundFlow(auditor).expect(200);
      expect(res.body).toEqual({
        project: { id: projectId, name: '桃园采摘扶贫项目', industry: 'planting', county: '英山县' },
        funds: [
          { source: 'central', amountFen: 50_000_00 },
          { source: 'county', amountFen: 30_000_00 },
        ],
        disbursements: [{ entityId: orchard, entityName: '桃园采摘园公司', amountFen: 60_000_00 }],
        stakes: [
          { stakeId: s1, householdId: zhang, entityId: orchard, principalFen: 40_000_00 },
          { stakeId: s2, householdId: li, entityId: orchard, principalFen: 20_000_00 },
        ],
        dividendsPaid: [{ stakeId: s1, householdId: zhang, amountFen: 2_000_00 }],
        distributions: [],
        guaranteeTopups: [],
        credit: [],
        totals: {
          fundsFen: 80_000_00,
          disbursedFen: 60_000_00,
          stakePrincipalFen: 60_000_00,
          dividendsPaidFen: 2_000_00,
          subsidisedFen: 0,
          guaranteeTopupsFen: 0,
          distributedFen: 0,
        },
        flags: [],
      });
      const { totals, funds, disbursements, stakes } = res.body as {
        totals: Record<string, number>;
        funds: { amountFen: number }[];
        disbursements: { amountFen: number }[];
        stakes: { principalFen: number }[];
      };
      const sum = (xs: { amountFen?: number; principalFen?: number }[]) =>
        xs.reduce((s, x) => s + (x.amountFen ?? x.principalFen ?? 0), 0);
      expect(sum(funds)).toBe(totals.fundsFen);
      expect(sum(disbursements)).toBe(totals.disbursedFen);
      expect(sum(stakes)).toBe(totals.stakePrincipalFen);
      expect(totals.disbursedFen).toBeLessThanOrEqual(totals.fundsFen);
      expect(totals.stakePrincipalFen).toBeLessThanOrEqual(totals.disbursedFen);
    });

    it('answers CSV with one row per edge', async () => {
      const res = await csvOf(fundFlow()).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const text = res.body as string;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = text.slice(1).trimEnd().split('\r\n');
      expect(rows).toEqual([
        'edge,fromKind,fromId,fromName,toKind,toId,toName,amountFen,amountYuan',
        `funds,fund_source,central,中央财政专项扶贫资金,project,${projectId},桃园采摘扶贫项目,5000000,50000.00`,
        `funds,fund_source,county,县级财政专项扶贫资金,project,${projectId},桃园采摘扶贫项目,3000000,30000.00`,
        `disbursement,project,${projectId},桃园采摘扶贫项目,entity,${orchard},桃园采摘园公司,6000000,60000.00`,
        `stake,entity,${orchard},桃园采摘园公司,household,${zhang},赵一,4000000,40000.00`,
        `stake,entity,${orchard},桃园采摘园公司,household,${li},钱二,2000000,20000.00`,
        `dividend,entity,${orchard},桃园采摘园公司,household,${zhang},赵一,200000,2000.00`,
      ]);
    });

    it('flags a disbursement beyond the funds received, recorded before the rule (appended raw)', async () => {
      const appended = await store.appendToStream(
        projectId,
        [
          {
            id: randomUUID(),
            type: 'ProjectFundsDisbursed',
            data: {
              projectId,
              entityId: orchard,
              entityName: '桃园采摘园公司',
              amountFen: 25_000_00,
              purpose: '导入的历史拨付',
              disbursedOn: '2017-12-01',
            },
            metadata: { userId: 'import' },
          },
        ],
        'any',
      );
      last = appended.position;
      const res = await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}&lang=en`).expect(200);
      expect(res.body.totals).toMatchObject({ fundsFen: 80_000_00, disbursedFen: 85_000_00 });
      expect(res.body.flags).toEqual([
        {
          rule: 'FUND_FLOW.DISBURSED_BEYOND_FUNDS',
          detail:
            'The project disbursed 85,000.00 yuan but received only 80,000.00 yuan of funds (5,000.00 yuan more than it had).',
        },
      ]);
    });

    it('is for admins and auditors only', async () => {
      await fundFlow().expect(200);
      const refused = await fundFlow(clerk).expect(403);
      expect(refused.body.code).toBe('AUTH.AUDIT_ONLY');
      await fundFlow(otherClerk).expect(403);
      await fundFlow(await t.userToken({ role: 'household', householdId: zhang })).expect(403);
      await t.http.get(`/v1/audit/fund-flow?projectId=${projectId}`).expect(401);
    });

    it('answers 404 for an unknown project and 400 naming a missing or malformed projectId', async () => {
      const unknown = await fundFlow(auditor, UNKNOWN_PROJECT).expect(404);
      expect(unknown.body.code).toBe('PROJECT.NOT_FOUND');
      const missing = await t.get('/v1/audit/fund-flow').expect(400);
      expect(fieldsOf(missing.body)).toEqual(['projectId']);
      const malformed = await t.get('/v1/audit/fund-flow?projectId=nope&asOf=x').expect(400);
      expect(fieldsOf(malformed.body)).toEqual(['asOf', 'projectId']);
    });
  });
});
