import { Client } from 'pg';
import type { LeaseView } from '../libs/ledger/src/leases/get-lease/lease.view';
import { startTestApp, type TestApp } from './support/test-app';

const household = {
  headName: '张三',
  members: 4,
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
};
const UNKNOWN_LEASE = 'lease-00000000-0000-5000-8000-000000000000';

describe('land leases over HTTP', () => {
  let t: TestApp;
  let db: Client;
  let clerk: string;
  let otherClerk: string;
  let auditorToken: string;
  let householdId: string;
  let entityId: string;

  /** Every event in the log: a refused request must leave it unchanged. */
  const eventCount = async (): Promise<number> =>
    (await db.query<{ n: number }>('select count(*)::int as n from events')).rows[0].n;

  const terms = () => ({
    entityId,
    householdId,
    areaMu: '2.50',
    rentPerMuYearFen: 80_000,
    startsOn: '2018-01-01',
    endsOn: '2020-12-31',
    schedule: 'yearly',
  });

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    clerk = await t.userToken({ name: '城关镇经办人', role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ name: '温泉镇经办人', role: 'clerk', townships: ['温泉镇'] });
    auditorToken = await t.userToken({ role: 'auditor' });
    householdId = (await t.post('/v1/households', { ...household, registrationNo: 'lease-h1' }).expect(201)).body.id;
    entityId = (
      await t
        .post('/v1/entities', { name: '桃园合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('POST /v1/leases', () => {
    it('signs a lease and answers its rent schedule: 2.50 mu × 800 yuan yearly over 2018–2020', async () => {
      const res = await t.post('/v1/leases', terms(), clerk).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^lease-[0-9a-f-]{36}$/),
        position: expect.any(Number),
        dues: [
          { period: '2018', dueOn: '2018-01-01', amountFen: 200_000 },
          { period: '2019', dueOn: '2019-01-01', amountFen: 200_000 },
          { period: '2020', dueOn: '2020-01-01', amountFen: 200_000 },
        ],
      });
      const read = await t.get(`/v1/leases/${res.body.id}`, clerk).expect(200);
      expect(read.body).toMatchObject({
        id: res.body.id,
        entityId,
        entityName: '桃园合作社',
        householdId,
        township: '城关镇',
        areaMu: '2.50',
        rentPerMuYearFen: 80_000,
        startsOn: '2018-01-01',
        endsOn: '2020-12-31',
        schedule: 'yearly',
        ended: null,
        payments: [],
        totals: { dueFen: 600_000, paidFen: 0, outstandingFen: 600_000 },
        position: res.body.position,
      });
      expect(read.body.dues[0]).toEqual({
        period: '2018',
        dueOn: '2018-01-01',
        share: '1',
        amountFen: 200_000,
        paidFen: 0,
        outstandingFen: 200_000,
      });
    });

    it('charges a partly covered period for its whole months only', async () => {
      const res = await t
        .post('/v1/leases', {
          ...terms(),
          areaMu: '2.5',
          startsOn: '2018-03-15',
          endsOn: '2019-03-14',
          schedule: 'quarterly',
        })
        .expect(201);
      expect(res.body.dues).toEqual([
        { period: '2018-Q2', dueOn: '2018-04-01', amountFen: 50_000 },
        { period: '2018-Q3', dueOn: '2018-07-01', amountFen: 50_000 },
        { period: '2018-Q4', dueOn: '2018-10-01', amountFen: 50_000 },
        { period: '2019-Q1', dueOn: '2019-01-01', amountFen: 33_333 },
      ]);
      const read = await t.get(`/v1/leases/${res.body.id}`).expect(200);
      expect(read.body.areaMu).toBe('2.50');
    });

    it('refuses bad input with 400 naming the field, writing nothing', async () => {
      const before = await eventCount();
      const cases: [Record<string, unknown>, string][] = [
        [{ areaMu: '2.555' }, 'areaMu'],
        [{ areaMu: 2.5 }, 'areaMu'],
        [{ rentPerMuYearFen: 1.5 }, 'rentPerMuYearFen'],
        [{ rentPerMuYearFen: '80000' }, 'rentPerMuYearFen'],
        [{ schedule: 'monthly' }, 'schedule'],
        [{ startsOn: '2018-02-30' }, 'startsOn'],
        [{ entityId: 'not-an-entity' }, 'entityId'],
        [{ extra: true }, 'extra'],
      ];
      for (const [patch, field] of cases) {
        const res = await t.post('/v1/leases', { ...terms(), ...patch }).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
      }
      const { householdId: _omitted, ...missing } = terms();
      const res = await t.post('/v1/leases', missing).expect(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain('householdId');
      expect(await eventCount()).toBe(before);
    });

    it.each([
      [
        'an unknown household',
        { householdId: 'household-00000000-0000-5000-8000-000000000000' },
        'LEASE.UNKNOWN_HOUSEHOLD',
      ],
      ['an unknown entity', { entityId: 'entity-00000000-0000-5000-8000-000000000000' }, 'LEASE.UNKNOWN_ENTITY'],
      ['an end before the start (a rule: 422, not 400)', { endsOn: '2017-12-31' }, 'LEASE.END_NOT_AFTER_START'],
      ['an end on the start day', { endsOn: '2018-01-01' }, 'LEASE.END_NOT_AFTER_START'],
      ['a term without a whole month', { startsOn: '2018-03-02', endsOn: '2018-04-29' }, 'LEASE.NO_RENT_DUE'],
    ])('refuses %s with 422 and writes nothing', async (_what, patch, code) => {
      const before = await eventCount();
      const res = await t.post('/v1/leases', { ...terms(), ...patch }, clerk).expect(422);
      expect(res.body).toMatchObject({ status: 422, code, detail: expect.any(String) });
      expect(await eventCount()).toBe(before);
    });

    it('refuses a clerk of another township and an auditor with 403', async () => {
      const before = await eventCount();
      expect((await t.post('/v1/leases', terms(), otherClerk).expect(403)).body.code).toBe('AUTH.OTHER_TOWNSHIP');
      expect((await t.post('/v1/leases', terms(), auditorToken).expect(403)).body.code).toBe('AUTH.READ_ONLY_ROLE');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('payments and the early end of one lease', () => {
    let leaseId: string;
    const pay = (body: Record<string, unknown>, token = clerk) => t.post(`/v1/leases/${leaseId}/payments`, body, token);
    const read = async (): Promise<LeaseView> =>
      (await t.get(`/v1/leases/${leaseId}`, clerk).expect(200)).body as LeaseView;

    beforeAll(async () => {
      leaseId = (await t.post('/v1/leases', terms(), clerk).expect(201)).body.id;
    });

    it('records payments and answers each payment id', async () => {
      const first = await pay({ period: '2018', amountFen: 200_000, paidOn: '2018-02-01', reference: 'PZ-001' }).expect(
        201,
      );
      expect(first.body).toEqual({ id: `${leaseId}.p1`, position: expect.any(Number) });
      const second = await pay({ period: '2019', amountFen: 150_000, paidOn: '2019-02-01' }).expect(201);
      expect(second.body.id).toBe(`${leaseId}.p2`);
      const lease = await read();
      expect(lease.payments).toEqual([
        {
          paymentId: `${leaseId}.p1`,
          period: '2018',
          amountFen: 200_000,
          paidOn: '2018-02-01',
          reference: 'PZ-001',
          reversed: false,
        },
        { paymentId: `${leaseId}.p2`, period: '2019', amountFen: 150_000, paidOn: '2019-02-01', reversed: false },
      ]);
      expect(lease.dues.map((d) => [d.paidFen, d.outstandingFen])).toEqual([
        [200_000, 0],
        [150_000, 50_000],
        [0, 200_000],
      ]);
    });

    it('refuses bad payment input with 400 naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ period: '2018', amountFen: 1.5, paidOn: '2018-02-01' }, 'amountFen'],
        [{ period: '2018', amountFen: 0, paidOn: '2018-02-01' }, 'amountFen'],
        [{ period: '2018-H3', amountFen: 1, paidOn: '2018-02-01' }, 'period'],
        [{ period: '2018', amountFen: 1, paidOn: '2018-13-01' }, 'paidOn'],
        [{ period: '2018', amountFen: 1, paidOn: '2018-02-01', extra: 1 }, 'extra'],
      ];
      for (const [body, field] of cases) {
        const res = await pay(body).expect(400);
        expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
      }
    });

    it.each([
      [
        'a period outside the schedule',
        { period: '2021', amountFen: 1, paidOn: '2021-02-01' },
        'LEASE.PERIOD_NOT_IN_SCHEDULE',
      ],
      [
        'a period of another kind',
        { period: '2019-H1', amountFen: 1, paidOn: '2019-02-01' },
        'LEASE.PERIOD_NOT_IN_SCHEDULE',
      ],
      ['more than is still due', { period: '2019', amountFen: 50_001, paidOn: '2019-03-01' }, 'LEASE.OVERPAYMENT'],
      ['a period paid in full', { period: '2018', amountFen: 1, paidOn: '2018-03-01' }, 'LEASE.PERIOD_ALREADY_PAID'],
      [
        'a payment before the lease starts',
        { period: '2019', amountFen: 1, paidOn: '2017-12-31' },
        'LEASE.PAID_BEFORE_START',
      ],
    ])('refuses %s with 422 and writes nothing', async (_what, body, code) => {
      const before = await eventCount();
      const lease = await read();
      const res = await pay(body).expect(422);
      expect(res.body).toMatchObject({ status: 422, code });
      expect(await eventCount()).toBe(before);
      expect(await read()).toEqual(lease);
    });

    it('says in Chinese how much is still owed, and accepts exactly that afterwards', async () => {
      const res = await pay({ period: '2019', amountFen: 60_000, paidOn: '2019-03-01' }).expect(422);
      expect(res.body.detail).toContain('还欠 500.00 元');
      const en = await t
        .post(
          `/v1/leases/${leaseId}/payments?lang=en`,
          { period: '2019', amountFen: 60_000, paidOn: '2019-03-01' },
          clerk,
        )
        .expect(422);
      expect(en.body.detail).toContain('500.00 yuan');
      const retry = await pay({ period: '2019', amountFen: 50_000, paidOn: '2019-03-01' }).expect(201);
      expect(retry.body.id).toBe(`${leaseId}.p3`);
      expect((await read()).dues[1]).toMatchObject({ period: '2019', paidFen: 200_000, outstandingFen: 0 });
    });

    it('refuses a clerk of another township and an auditor with 403, and lets the auditor read', async () => {
      const before = await eventCount();
      const body = { period: '2020', amountFen: 1, paidOn: '2020-02-01' };
      expect((await pay(body, otherClerk).expect(403)).body.code).toBe('AUTH.OTHER_TOWNSHIP');
      expect((await pay(body, auditorToken).expect(403)).body.code).toBe('AUTH.READ_ONLY_ROLE');
      await t.post(`/v1/leases/${leaseId}/end`, { endsOn: '2020-06-30', reason: 'x' }, otherClerk).expect(403);
      await t.post(`/v1/leases/${leaseId}/end`, { endsOn: '2020-06-30', reason: 'x' }, auditorToken).expect(403);
      expect(await eventCount()).toBe(before);
      await t.get(`/v1/leases/${leaseId}`, auditorToken).expect(200);
      await t.get(`/v1/leases/${leaseId}`, otherClerk).expect(403);
    });

    it('refuses bad end input with 400 naming the field', async () => {
      let res = await t.post(`/v1/leases/${leaseId}/end`, { endsOn: '2020-02-30', reason: '土地收回' }).expect(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain('endsOn');
      res = await t.post(`/v1/leases/${leaseId}/end`, { endsOn: '2020-06-30' }).expect(400);
      expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain('reason');
    });

    it.each([
      ['before the start', '2017-12-31', 'LEASE.END_OUTSIDE_TERM'],
      ['on the current end', '2020-12-31', 'LEASE.END_OUTSIDE_TERM'],
      ['after the current end', '2021-03-31', 'LEASE.END_OUTSIDE_TERM'],
      ['that would make paid 2019 owe less than was paid', '2019-09-15', 'LEASE.END_BEFORE_PAID_PERIOD'],
    ])('refuses an end %s with 422 and writes nothing', async (_what, endsOn, code) => {
      const before = await eventCount();
      const lease = await read();
      const res = await t.post(`/v1/leases/${leaseId}/end`, { endsOn, reason: '土地收回' }, clerk).expect(422);
      expect(res.body).toMatchObject({ status: 422, code });
      expect(await eventCount()).toBe(before);
      expect(await read()).toEqual(lease);
    });

    it('ends the lease mid-term, recomputing what remains due, and refuses a second end', async () => {
      const res = await t
        .post(`/v1/leases/${leaseId}/end`, { endsOn: '2020-06-30', reason: '土地收回' }, clerk)
        .expect(201);
      expect(res.body).toEqual({
        id: leaseId,
        position: expect.any(Number),
        dues: [
          { period: '2018', dueOn: '2018-01-01', amountFen: 200_000 },
          { period: '2019', dueOn: '2019-01-01', amountFen: 200_000 },
          { period: '2020', dueOn: '2020-01-01', amountFen: 100_000 },
        ],
      });
      const lease = await read();
      expect(lease).toMatchObject({
        endsOn: '2020-06-30',
        signedEndsOn: '2020-12-31',
        ended: { endsOn: '2020-06-30', reason: '土地收回' },
        totals: { dueFen: 500_000, paidFen: 400_000, outstandingFen: 100_000 },
        position: res.body.position,
      });
      expect(lease.dues[2]).toEqual({
        period: '2020',
        dueOn: '2020-01-01',
        share: '1/2',
        amountFen: 100_000,
        paidFen: 0,
        outstandingFen: 100_000,
      });

      const before = await eventCount();
      const again = await t
        .post(`/v1/leases/${leaseId}/end`, { endsOn: '2020-03-31', reason: '再次终止' }, clerk)
        .expect(422);
      expect(again.body.code).toBe('LEASE.ALREADY_ENDED');
      expect(await eventCount()).toBe(before);

      // Arrears of the shortened term can still be paid, up to the recomputed due.
      expect((await pay({ period: '2020', amountFen: 100_001, paidOn: '2020-08-01' }).expect(422)).body.code).toBe(
        'LEASE.OVERPAYMENT',
      );
      await pay({ period: '2020', amountFen: 100_000, paidOn: '2020-08-01' }).expect(201);
      expect((await read()).totals).toEqual({ dueFen: 500_000, paidFen: 500_000, outstandingFen: 0 });
    });
  });

  it('answers 404 for an unknown or malformed lease id on every route, writing nothing', async () => {
    const before = await eventCount();
    for (const id of [UNKNOWN_LEASE, 'lease-1', 'household-00000000-0000-5000-8000-000000000000']) {
      expect((await t.get(`/v1/leases/${id}`).expect(404)).body.code).toBe('LEASE.NOT_FOUND');
      await t.post(`/v1/leases/${id}/payments`, { period: '2018', amountFen: 1, paidOn: '2018-02-01' }).expect(404);
      await t.post(`/v1/leases/${id}/end`, { endsOn: '2018-06-30', reason: '土地收回' }).expect(404);
    }
    expect(await eventCount()).toBe(before);
  });

  it('lets exactly one of two clerks paying the same period at once succeed', async () => {
    const secondClerk = await t.userToken({ name: '城关镇经办人二', role: 'clerk', townships: ['城关镇'] });
    const full = { period: '2018', amountFen: 200_000, paidOn: '2018-02-01' };
    // Several rounds, so that the appends really collide (the loser then re-decides at the new revision).
    for (let round = 0; round < 5; round++) {
      const { id } = (await t.post('/v1/leases', terms(), clerk).expect(201)).body;
      const answers = await Promise.all([
        t.post(`/v1/leases/${id}/payments`, full, clerk),
        t.post(`/v1/leases/${id}/payments`, full, secondClerk),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
      expect(answers.find((a) => a.status === 422)!.body.code).toBe('LEASE.PERIOD_ALREADY_PAID');
      const lease = (await t.get(`/v1/leases/${id}`).expect(200)).body as LeaseView;
      expect(lease.payments).toHaveLength(1);
      expect(lease.dues[0]).toMatchObject({ paidFen: 200_000, outstandingFen: 0 });
    }
  });

  it('replays a payment sent twice with one Idempotency-Key instead of paying twice', async () => {
    const { id } = (await t.post('/v1/leases', terms(), clerk).expect(201)).body;
    const key = { 'Idempotency-Key': 'rent-2018-once' };
    const body = { period: '2018', amountFen: 120_000, paidOn: '2018-02-01' };
    const first = await t.post(`/v1/leases/${id}/payments`, body, clerk, key).expect(201);
    const replay = await t.post(`/v1/leases/${id}/payments`, body, clerk, key).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await t.get(`/v1/leases/${id}`).expect(200)).body.payments).toHaveLength(1);
  });
});
