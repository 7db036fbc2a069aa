import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { leaseFixture, type LeaseFixture } from './support/lease-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Reversals (冲销) of payments on every kind of linkage: the payment stays on record, marked reversed,
 * and what it paid is owed again.
 */
describe('payment reversals over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let householdId: string; // 城关镇
  let otherHouseholdId: string; // 温泉镇
  let entityId: string; // 城关镇
  let fixture: LeaseFixture;

  /** A stream's events as the ledger reads them (personal fields opened: the table holds them sealed). */
  const eventsOf = async (streamId: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(streamId)).map((e) => ({
      type: e.type,
      data: e.data as Record<string, unknown>,
    }));
  const reversal = (paymentId: string, body: unknown = { reason: '重复录入' }, token?: string) =>
    t.post(`/v1/payments/${paymentId}/reversal`, body, token);
  const household = (township: string) => fixture.household(township);
  const lease = () => fixture.lease();
  const payRent = (leaseId: string, token?: string) => fixture.payRent(leaseId, token);

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    fixture = await leaseFixture(t, 'rev-');
    ({ clerk, otherClerk, auditor, householdId, entityId } = fixture);
    otherHouseholdId = await household('温泉镇');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('each kind of linkage', () => {
    it('reverses a rent payment; the period can then be paid again', async () => {
      const leaseId = await lease();
      const paymentId = await payRent(leaseId, clerk);
      await t
        .post(`/v1/leases/${leaseId}/payments`, { period: '2018', amountFen: 1, paidOn: '2018-02-02' })
        .expect(422);

      const res = await reversal(paymentId, { reason: '金额有误' }, clerk).expect(201);
      expect(res.body).toEqual({ id: `${paymentId}.r`, position: expect.any(Number) });
      const events = await eventsOf(leaseId);
      expect(events[events.length - 1]).toEqual({
        type: 'PaymentReversed',
        data: { paymentId, reversalId: `${paymentId}.r`, reason: '金额有误' },
      });

      const read = await t.get(`/v1/leases/${leaseId}`).expect(200);
      expect(read.body.payments).toEqual([
        expect.objectContaining({
          paymentId,
          reversed: true,
          reversal: { reversalId: `${paymentId}.r`, reason: '金额有误' },
        }),
      ]);
      expect(read.body.dues[0]).toMatchObject({ period: '2018', paidFen: 0, outstandingFen: 200_000 });

      const again = await t
        .post(`/v1/leases/${leaseId}/payments`, { period: '2018', amountFen: 200_000, paidOn: '2018-02-03' }, clerk)
        .expect(201);
      expect(again.body.id).toBe(`${leaseId}.p2`);
    });

    it('reverses a wage; the month can then be paid again without supplementary', async () => {
      const employmentId = (
        await t
          .post('/v1/employments', {
            entityId,
            householdId,
            workerName: '张三',
            startsOn: '2018-03-15',
            wageBasis: 'monthly',
            rateFen: 200_000,
          })
          .expect(201)
      ).body.id as string;
      const july = { period: '2018-07', amountFen: 200_000, paidOn: '2018-07-28' };
      const paymentId = (await t.post(`/v1/employments/${employmentId}/payments`, july).expect(201)).body.id as string;
      const second = await t.post(`/v1/employments/${employmentId}/payments`, july).expect(422);
      expect(second.body.code).toBe('EMPLOYMENT.MONTH_ALREADY_PAID');

      await reversal(paymentId, { reason: '重复发放' }, clerk).expect(201);
      const read = await t.get(`/v1/employments/${employmentId}`).expect(200);
      expect(read.body.payments[0]).toMatchObject({ paymentId, reversal: { reversalId: `${paymentId}.r` } });
      const again = await t.post(`/v1/employments/${employmentId}/payments`, july).expect(201);
      expect(again.body.id).toBe(`${employmentId}.p2`);
    });

    it('reverses a purchase payment', async () => {
      const orderId = (
        await t
          .post('/v1/orders', {
            entityId,
            householdId,
            product: '猕猴桃',
            unit: 'kg',
            priceFen: 380,
            startsOn: '2018-08-01',
            endsOn: '2018-10-31',
          })
          .expect(201)
      ).body.id as string;
      const paymentId = (
        await t
          .post(`/v1/orders/${orderId}/payments`, {
            quantity: 12.5,
            amountFen: 4750,
            deliveredOn: '2018-09-10',
            paidOn: '2018-09-15',
          })
          .expect(201)
      ).body.id as string;
      const res = await reversal(paymentId, { reason: '数量录错' }).expect(201);
      expect(res.body.id).toBe(`${paymentId}.r`);
      const read = await t.get(`/v1/orders/${orderId}`).expect(200);
      expect(read.body.payments[0]).toMatchObject({
        paymentId,
        reversal: { reversalId: `${paymentId}.r`, reason: '数量录错' },
      });
    });

    it("reverses a dividend payment, scoped to the paid household's township; it is owed again", async () => {
      await t
        .post('/v1/stakes', {
          entityId,
          householdId,
          source: 'cash',
          principalFen: 1_000_00,
          shares: 1,
          startsOn: '2017-12-01',
        })
        .expect(201);
      await t
        .post('/v1/stakes', {
          entityId,
          householdId: otherHouseholdId,
          source: 'cash',
          principalFen: 1_000_00,
          shares: 1,
          startsOn: '2017-12-01',
        })
        .expect(201);
      const declarationId = (
        await t
          .post(`/v1/entities/${entityId}/dividends`, {
            period: '2018',
            declaredOn: '2019-01-10',
            recordDate: '2018-12-31',
            poolFen: 2_000_00,
          })
          .expect(201)
      ).body.id as string;
      const pay = (h: string) =>
        t.post(`/v1/dividends/${declarationId}/payments`, {
          householdId: h,
          amountFen: 1_000_00,
          paidOn: '2019-01-15',
        });
      const ours = (await pay(householdId).expect(201)).body.id as string;
      const theirs = (await pay(otherHouseholdId).expect(201)).body.id as string;

      // The entity is in 城关镇 but the second household in 温泉镇: that payment is 温泉镇's to reverse.
      const forbidden = await reversal(theirs, undefined, clerk).expect(403);
      expect(forbidden.body.code).toBe('AUTH.OTHER_TOWNSHIP');
      await reversal(ours, undefined, otherClerk).expect(403);
      await reversal(theirs, undefined, otherClerk).expect(201);
      await reversal(ours, undefined, clerk).expect(201);

      const read = await t.get(`/v1/dividends/${declarationId}`).expect(200);
      expect(read.body.totals).toMatchObject({ allocatedFen: 2_000_00, paidFen: 0, owedFen: 2_000_00 });
      expect((read.body.payments as { reversed: boolean }[]).map((p) => p.reversed)).toEqual([true, true]);
      expect((await pay(householdId).expect(201)).body.id).toBe(`${declarationId}.p3`);
    });
  });

  describe('refusals', () => {
    it('refuses a second reversal and the reversal of a reversal (422), writing nothing', async () => {
      const leaseId = await lease();
      const paymentId = await payRent(leaseId);
      await reversal(paymentId).expect(201);
      const before = (await eventsOf(leaseId)).length;

      const twice = await reversal(paymentId).expect(422);
      expect(twice.body).toMatchObject({ status: 422, code: 'PAYMENT.ALREADY_REVERSED' });
      expect(twice.body.detail).toContain('已经冲销');
      const ofReversal = await t
        .post(`/v1/payments/${paymentId}.r/reversal?lang=en`, { reason: '撤销冲销' })
        .expect(422);
      expect(ofReversal.body).toMatchObject({ code: 'PAYMENT.REVERSAL_NOT_REVERSIBLE' });
      expect(ofReversal.body.detail).toContain('a reversal cannot itself be reversed');
      expect(await eventsOf(leaseId)).toHaveLength(before);
    });

    it('answers 404 for unknown and malformed payment ids', async () => {
      const leaseId = await lease();
      const paymentId = await payRent(leaseId);
      for (const id of [
        `${leaseId}.p2`,
        `${paymentId}.r`, // not reversed yet: no such reversal
        'lease-00000000-0000-5000-8000-000000000000.p1',
        'dividend-00000000-0000-5000-8000-000000000000.p1',
        'employment-00000000-0000-5000-8000-000000000000.p1',
        'order-00000000-0000-5000-8000-000000000000.p1',
        `${leaseId}.p0`,
        leaseId,
        'nope',
        `household-${leaseId.slice('lease-'.length)}.p1`,
      ]) {
        const res = await reversal(id);
        expect([id, res.status, res.body.code]).toEqual([id, 404, 'PAYMENT.NOT_FOUND']);
      }
    });

    it('refuses a clerk of another township and an auditor (403), and bad input (400)', async () => {
      const leaseId = await lease();
      const paymentId = await payRent(leaseId);
      const other = await reversal(paymentId, undefined, otherClerk).expect(403);
      expect(other.body.code).toBe('AUTH.OTHER_TOWNSHIP');
      const audit = await reversal(paymentId, undefined, auditor).expect(403);
      expect(audit.body.code).toBe('AUTH.READ_ONLY_ROLE');
      const bad = await reversal(paymentId, { reason: '', extra: 1 }).expect(400);
      expect([...new Set((bad.body.errors as { path: string }[]).map((e) => e.path))].sort()).toEqual([
        'extra',
        'reason',
      ]);
      await reversal(paymentId, {}).expect(400);
      const read = await t.get(`/v1/leases/${leaseId}`).expect(200);
      expect(read.body.payments[0].reversed).toBe(false);
      await reversal(paymentId, undefined, clerk).expect(201);
    });

    it('lets exactly one of two concurrent reversals of one payment succeed', async () => {
      for (let round = 0; round < 3; round++) {
        const leaseId = await lease();
        const paymentId = await payRent(leaseId);
        const answers = await Promise.all([
          reversal(paymentId, { reason: '第一位经办人' }, clerk),
          reversal(paymentId, { reason: '第二位经办人' }),
        ]);
        const statuses = answers.map((a) => a.status).sort();
        expect(statuses).toEqual([201, 422]);
        expect(answers.find((a) => a.status === 422)!.body.code).toBe('PAYMENT.ALREADY_REVERSED');
        const reversals = (await eventsOf(leaseId)).filter((e) => e.type === 'PaymentReversed');
        expect(reversals).toHaveLength(1);
      }
    });

    it('replays a reversal sent again with the same Idempotency-Key', async () => {
      const leaseId = await lease();
      const paymentId = await payRent(leaseId);
      const headers = { 'Idempotency-Key': `reverse-${paymentId}` };
      const first = await t
        .post(`/v1/payments/${paymentId}/reversal`, { reason: '重复录入' }, undefined, headers)
        .expect(201);
      const second = await t
        .post(`/v1/payments/${paymentId}/reversal`, { reason: '重复录入' }, undefined, headers)
        .expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect((await eventsOf(leaseId)).filter((e) => e.type === 'PaymentReversed')).toHaveLength(1);
    });
  });
});
