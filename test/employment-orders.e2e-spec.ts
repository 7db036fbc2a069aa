import { startTestApp, type TestApp } from './support/test-app';

const UNKNOWN_HOUSEHOLD = 'household-00000000-0000-5000-8000-000000000000';
const UNKNOWN_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';
const UNKNOWN_EMPLOYMENT = 'employment-00000000-0000-5000-8000-000000000000';
const UNKNOWN_ORDER = 'order-00000000-0000-5000-8000-000000000000';

/** The distinct paths named by a 400's `errors`, sorted (one field may fail several constraints). */
const badPaths = (body: { errors?: { path: string }[] }): string[] =>
  [...new Set((body.errors ?? []).map((e) => e.path))].sort();

describe('employment and orders over HTTP', () => {
  let t: TestApp;
  let householdId: string;
  let entityId: string;
  let clerk: string;
  let otherClerk: string;
  let auditor: string;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const household = await t
      .post('/v1/households', {
        registrationNo: '421127010100201',
        headName: '张三',
        members: 4,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      })
      .expect(201);
    householdId = household.body.id;
    // The entity is registered in another township: clerks are scoped by the household's.
    const entity = await t
      .post('/v1/entities', { name: '桃园采摘园有限公司', kind: 'company', township: '温泉镇', county: '英山县' })
      .expect(201);
    entityId = entity.body.id;
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });
  });
  afterAll(() => t.close());

  describe('employments', () => {
    const terms = () => ({
      entityId,
      householdId,
      workerName: '张三',
      startsOn: '2018-03-15',
      wageBasis: 'monthly',
      rateFen: 200000,
    });
    const start = async (overrides: Record<string, unknown> = {}): Promise<string> => {
      const res = await t.post('/v1/employments', { ...terms(), ...overrides }).expect(201);
      return res.body.id as string;
    };
    const paymentsOf = async (id: string) =>
      (await t.get(`/v1/employments/${id}`).expect(200)).body.payments as { paymentId: string; period: string }[];
    const july = { period: '2018-07', amountFen: 200000, paidOn: '2018-07-28' };

    it('starts an employment and reads it back', async () => {
      const res = await t.post('/v1/employments', terms()).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^employment-[0-9a-f-]{36}$/),
        position: expect.any(Number),
      });
      const read = await t.get(`/v1/employments/${res.body.id}`).expect(200);
      expect(read.body).toEqual({
        id: res.body.id,
        entityId,
        entityName: '桃园采摘园有限公司',
        householdId,
        township: '城关镇',
        workerName: '张三',
        startsOn: '2018-03-15',
        wageBasis: 'monthly',
        rateFen: 200000,
        status: 'active',
        payments: [],
        position: res.body.position,
      });
    });

    it('refuses an unknown household or entity (422)', async () => {
      const h = await t.post('/v1/employments', { ...terms(), householdId: UNKNOWN_HOUSEHOLD }).expect(422);
      expect(h.body).toMatchObject({ status: 422, code: 'EMPLOYMENT.UNKNOWN_HOUSEHOLD' });
      const e = await t.post('/v1/employments', { ...terms(), entityId: UNKNOWN_ENTITY }).expect(422);
      expect(e.body).toMatchObject({ status: 422, code: 'EMPLOYMENT.UNKNOWN_ENTITY' });
    });

    it('refuses bad input to start, naming every field', async () => {
      const res = await t
        .post('/v1/employments', {
          ...terms(),
          workerName: '',
          startsOn: '2018-02-30',
          wageBasis: 'hourly',
          rateFen: 1.5,
          extra: 1,
        })
        .expect(400);
      expect(badPaths(res.body)).toEqual(['extra', 'rateFen', 'startsOn', 'wageBasis', 'workerName']);
      const missing = await t.post('/v1/employments', { entityId, householdId }).expect(400);
      expect(badPaths(missing.body)).toEqual(
        expect.arrayContaining(['rateFen', 'startsOn', 'wageBasis', 'workerName']),
      );
    });

    it('records a month of wages, refuses a second unless supplementary, and writes nothing on refusal', async () => {
      const id = await start();
      const first = await t.post(`/v1/employments/${id}/payments`, july).expect(201);
      expect(first.body).toEqual({ id: `${id}.p1`, position: expect.any(Number) });

      const again = await t.post(`/v1/employments/${id}/payments`, { ...july, amountFen: 1000 }).expect(422);
      expect(again.body).toMatchObject({ status: 422, code: 'EMPLOYMENT.MONTH_ALREADY_PAID' });
      expect(again.body.detail).toContain('2,000.00 元');

      const nothing = await t
        .post(`/v1/employments/${id}/payments`, { ...july, period: '2018-08', supplementary: true })
        .expect(422);
      expect(nothing.body.code).toBe('EMPLOYMENT.NOTHING_TO_SUPPLEMENT');
      expect(await paymentsOf(id)).toHaveLength(1);

      const extra = await t
        .post(`/v1/employments/${id}/payments`, {
          ...july,
          amountFen: 30000,
          paidOn: '2018-08-10',
          supplementary: true,
          daysWorked: 26,
          reference: 'BF-2018-07',
        })
        .expect(201);
      expect(extra.body.id).toBe(`${id}.p2`);
      const read = await t.get(`/v1/employments/${id}`).expect(200);
      expect(read.body.payments).toEqual([
        {
          employmentId: id,
          paymentId: `${id}.p1`,
          householdId,
          workerName: '张三',
          period: '2018-07',
          amountFen: 200000,
          paidOn: '2018-07-28',
          supplementary: false,
        },
        {
          employmentId: id,
          paymentId: `${id}.p2`,
          householdId,
          workerName: '张三',
          period: '2018-07',
          amountFen: 30000,
          paidOn: '2018-08-10',
          daysWorked: 26,
          supplementary: true,
          reference: 'BF-2018-07',
        },
      ]);
      expect(read.body.position).toBe(extra.body.position);
    });

    it('refuses a month before the employment, a payment before its start, and day wages without days', async () => {
      const id = await start();
      const early = await t
        .post(`/v1/employments/${id}/payments`, { ...july, period: '2018-02', paidOn: '2018-03-31' })
        .expect(422);
      expect(early.body.code).toBe('EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT');
      const before = await t
        .post(`/v1/employments/${id}/payments`, { ...july, period: '2018-03', paidOn: '2018-03-14' })
        .expect(422);
      expect(before.body.code).toBe('EMPLOYMENT.PAID_BEFORE_START');
      const tooMany = await t
        .post(`/v1/employments/${id}/payments`, { ...july, period: '2019-02', paidOn: '2019-02-28', daysWorked: 30 })
        .expect(422);
      expect(tooMany.body.code).toBe('EMPLOYMENT.TOO_MANY_DAYS');
      expect(await paymentsOf(id)).toHaveLength(0);
      // The month it started in is inside the employment.
      await t.post(`/v1/employments/${id}/payments`, { ...july, period: '2018-03', paidOn: '2018-03-31' }).expect(201);

      const daily = await start({ wageBasis: 'daily', rateFen: 10000 });
      const noDays = await t.post(`/v1/employments/${daily}/payments`, july).expect(422);
      expect(noDays.body.code).toBe('EMPLOYMENT.DAYS_WORKED_REQUIRED');
      expect(await paymentsOf(daily)).toHaveLength(0);
      await t.post(`/v1/employments/${daily}/payments`, { ...july, amountFen: 220000, daysWorked: 22 }).expect(201);
    });

    it('refuses bad wage payments with 400 naming the field', async () => {
      const id = await start();
      const cases: [Record<string, unknown>, string][] = [
        [{ ...july, amountFen: 1.5 }, 'amountFen'],
        [{ ...july, amountFen: '100' }, 'amountFen'],
        [{ ...july, amountFen: 2 ** 53 }, 'amountFen'],
        [{ ...july, amountFen: -100 }, 'amountFen'],
        [{ ...july, amountFen: 0 }, 'amountFen'],
        [{ ...july, period: '2018-13' }, 'period'],
        [{ ...july, period: '2018-H1' }, 'period'],
        [{ ...july, paidOn: '2018-07-32' }, 'paidOn'],
        [{ ...july, daysWorked: 32 }, 'daysWorked'],
        [{ ...july, daysWorked: 1.5 }, 'daysWorked'],
        [{ ...july, supplementary: 'yes' }, 'supplementary'],
        [{ ...july, reference: 7 }, 'reference'],
        [{ ...july, bonusFen: 100 }, 'bonusFen'],
      ];
      for (const [body, path] of cases) {
        const res = await t.post(`/v1/employments/${id}/payments`, body).expect(400);
        expect(badPaths(res.body)).toEqual([path]);
      }
      const { period: _period, ...noPeriod } = july;
      expect(badPaths((await t.post(`/v1/employments/${id}/payments`, noPeriod).expect(400)).body)).toEqual(['period']);
      expect(await paymentsOf(id)).toHaveLength(0);
    });

    it('ends an employment once, and refuses wages for a month after its end', async () => {
      const id = await start();
      const tooEarly = await t
        .post(`/v1/employments/${id}/end`, { endsOn: '2018-03-14', reason: '采摘季结束' })
        .expect(422);
      expect(tooEarly.body.code).toBe('EMPLOYMENT.ENDS_BEFORE_START');
      expect((await t.get(`/v1/employments/${id}`).expect(200)).body.status).toBe('active');

      const ended = await t
        .post(`/v1/employments/${id}/end`, { endsOn: '2018-10-31', reason: '采摘季结束' })
        .expect(201);
      expect(ended.body).toEqual({ id, position: expect.any(Number) });
      const read = await t.get(`/v1/employments/${id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'ended', endsOn: '2018-10-31', endReason: '采摘季结束' });

      const twice = await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-11-30', reason: 'x' }).expect(422);
      expect(twice.body.code).toBe('EMPLOYMENT.ALREADY_ENDED');
      const late = await t
        .post(`/v1/employments/${id}/payments`, { ...july, period: '2018-11', paidOn: '2018-11-28' })
        .expect(422);
      expect(late.body.code).toBe('EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT');
      expect(await paymentsOf(id)).toHaveLength(0);
      await t.post(`/v1/employments/${id}/payments`, { ...july, period: '2018-10', paidOn: '2018-11-05' }).expect(201);
    });

    it('refuses to end an employment before a month already paid', async () => {
      const id = await start();
      await t.post(`/v1/employments/${id}/payments`, july).expect(201);
      const res = await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-06-30', reason: '辞职' }).expect(422);
      expect(res.body.code).toBe('EMPLOYMENT.PAID_AFTER_END');
      expect((await t.get(`/v1/employments/${id}`).expect(200)).body.status).toBe('active');
      await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-07-31', reason: '辞职' }).expect(201);
      const bad = await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-07', reason: '', why: 1 }).expect(400);
      expect(badPaths(bad.body)).toEqual(['endsOn', 'reason', 'why']);
    });

    it("lets only admins and clerks of the household's township write, and scopes reads", async () => {
      const started = await t.post('/v1/employments', terms(), clerk).expect(201);
      const id = started.body.id as string;
      await t.post('/v1/employments', terms(), otherClerk).expect(403);
      await t.post('/v1/employments', terms(), auditor).expect(403);

      await t.post(`/v1/employments/${id}/payments`, july, otherClerk).expect(403);
      await t.post(`/v1/employments/${id}/payments`, july, auditor).expect(403);
      await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-12-31', reason: 'x' }, otherClerk).expect(403);
      await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-12-31', reason: 'x' }, auditor).expect(403);
      expect(await paymentsOf(id)).toHaveLength(0);

      await t.post(`/v1/employments/${id}/payments`, july, clerk).expect(201);
      await t.get(`/v1/employments/${id}`, clerk).expect(200);
      await t.get(`/v1/employments/${id}`, auditor).expect(200);
      await t.get(`/v1/employments/${id}`, otherClerk).expect(403);
      await t.post(`/v1/employments/${id}/end`, { endsOn: '2018-12-31', reason: '合同到期' }, clerk).expect(201);
    });

    it('answers 404 for an unknown or malformed employment id', async () => {
      await t.get(`/v1/employments/${UNKNOWN_EMPLOYMENT}`).expect(404);
      await t.get('/v1/employments/not-an-id').expect(404);
      await t.get(`/v1/employments/${UNKNOWN_ORDER}`).expect(404);
      const pay = await t.post(`/v1/employments/${UNKNOWN_EMPLOYMENT}/payments`, july).expect(404);
      expect(pay.body.code).toBe('EMPLOYMENT.NOT_FOUND');
      await t.post('/v1/employments/x/payments', july).expect(404);
      await t.post(`/v1/employments/${UNKNOWN_EMPLOYMENT}/end`, { endsOn: '2018-12-31', reason: 'x' }).expect(404);
    });

    it('lets exactly one of two concurrent payments for one month through', async () => {
      const id = await start();
      const [a, b] = await Promise.all([
        t.post(`/v1/employments/${id}/payments`, july),
        t.post(`/v1/employments/${id}/payments`, { ...july, amountFen: 199999 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 422]);
      const refused = a.status === 422 ? a : b;
      expect(refused.body.code).toBe('EMPLOYMENT.MONTH_ALREADY_PAID');
      const payments = await paymentsOf(id);
      expect(payments).toHaveLength(1);
      expect(payments[0].paymentId).toBe(`${id}.p1`);
    });
  });

  describe('orders', () => {
    const terms = () => ({
      entityId,
      householdId,
      product: '猕猴桃',
      unit: 'kg',
      priceFen: 380,
      startsOn: '2018-08-01',
      endsOn: '2018-10-31',
    });
    const contract = async (overrides: Record<string, unknown> = {}): Promise<string> => {
      const res = await t.post('/v1/orders', { ...terms(), ...overrides }).expect(201);
      return res.body.id as string;
    };
    const paymentsOf = async (id: string) =>
      (await t.get(`/v1/orders/${id}`).expect(200)).body.payments as { paymentId: string; quantity: string }[];
    const delivery = { quantity: 12.5, amountFen: 4750, deliveredOn: '2018-09-10', paidOn: '2018-09-15' };

    it('contracts an order and reads it back', async () => {
      const res = await t.post('/v1/orders', terms()).expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^order-[0-9a-f-]{36}$/), position: expect.any(Number) });
      const read = await t.get(`/v1/orders/${res.body.id}`).expect(200);
      expect(read.body).toEqual({
        id: res.body.id,
        ...terms(),
        entityName: '桃园采摘园有限公司',
        township: '城关镇',
        payments: [],
        position: res.body.position,
      });
    });

    it('refuses an unknown household or entity and a term that ends before it starts (422)', async () => {
      const h = await t.post('/v1/orders', { ...terms(), householdId: UNKNOWN_HOUSEHOLD }).expect(422);
      expect(h.body.code).toBe('ORDER.UNKNOWN_HOUSEHOLD');
      const e = await t.post('/v1/orders', { ...terms(), entityId: UNKNOWN_ENTITY }).expect(422);
      expect(e.body.code).toBe('ORDER.UNKNOWN_ENTITY');
      const term = await t.post('/v1/orders', { ...terms(), endsOn: '2018-07-31' }).expect(422);
      expect(term.body.code).toBe('ORDER.ENDS_BEFORE_START');
    });

    it('refuses bad input to contract, naming every field', async () => {
      const res = await t
        .post('/v1/orders', { ...terms(), product: '', priceFen: '380', endsOn: '2018-10-32', volume: 3 })
        .expect(400);
      expect(badPaths(res.body)).toEqual(['endsOn', 'priceFen', 'product', 'volume']);
    });

    it('pays 12.5 kg × 380 fen as 4,750 fen, keeping the quantity as a decimal string', async () => {
      const id = await contract();
      const res = await t.post(`/v1/orders/${id}/payments`, delivery).expect(201);
      expect(res.body).toEqual({ id: `${id}.p1`, position: expect.any(Number) });
      const second = await t
        .post(`/v1/orders/${id}/payments`, { ...delivery, quantity: '10.000', amountFen: 3800, reference: 'DD-1' })
        .expect(201);
      expect(second.body.id).toBe(`${id}.p2`);
      const read = await t.get(`/v1/orders/${id}`).expect(200);
      expect(read.body.payments).toEqual([
        {
          orderId: id,
          paymentId: `${id}.p1`,
          householdId,
          product: '猕猴桃',
          unit: 'kg',
          quantity: '12.5',
          priceFen: 380,
          amountFen: 4750,
          deliveredOn: '2018-09-10',
          paidOn: '2018-09-15',
        },
        expect.objectContaining({ paymentId: `${id}.p2`, quantity: '10', amountFen: 3800, reference: 'DD-1' }),
      ]);
    });

    it('rounds 3.333 × 299 fen half-up to 997, naming the expected amount on a mismatch', async () => {
      const id = await contract({ priceFen: 299 });
      const wrong = await t.post(`/v1/orders/${id}/payments`, { ...delivery, quantity: '3.333', amountFen: 996 });
      expect(wrong.status).toBe(422);
      expect(wrong.body.code).toBe('ORDER.AMOUNT_MISMATCH');
      expect(wrong.body.detail).toContain('9.97 元');
      expect(wrong.body.detail).toContain('997');
      const english = await t.post(`/v1/orders/${id}/payments?lang=en`, {
        ...delivery,
        quantity: 3.333,
        amountFen: 998,
      });
      expect(english.status).toBe(422);
      expect(english.body.detail).toContain('9.97 yuan');
      expect(await paymentsOf(id)).toHaveLength(0);
      await t.post(`/v1/orders/${id}/payments`, { ...delivery, quantity: 3.333, amountFen: 997 }).expect(201);
      expect((await paymentsOf(id))[0].quantity).toBe('3.333');
    });

    it('refuses a delivery outside the contract or a payment before the delivery, writing nothing', async () => {
      const id = await contract();
      const before = await t
        .post(`/v1/orders/${id}/payments`, { ...delivery, deliveredOn: '2018-07-31', paidOn: '2018-08-01' })
        .expect(422);
      expect(before.body.code).toBe('ORDER.DELIVERY_OUTSIDE_CONTRACT');
      const after = await t
        .post(`/v1/orders/${id}/payments`, { ...delivery, deliveredOn: '2018-11-01', paidOn: '2018-11-02' })
        .expect(422);
      expect(after.body.code).toBe('ORDER.DELIVERY_OUTSIDE_CONTRACT');
      const early = await t.post(`/v1/orders/${id}/payments`, { ...delivery, paidOn: '2018-09-09' }).expect(422);
      expect(early.body.code).toBe('ORDER.PAID_BEFORE_DELIVERY');
      expect(await paymentsOf(id)).toHaveLength(0);
      await t
        .post(`/v1/orders/${id}/payments`, { ...delivery, deliveredOn: '2018-10-31', paidOn: '2018-10-31' })
        .expect(201);
    });

    it('refuses bad purchase payments with 400 naming the field', async () => {
      const id = await contract();
      const cases: [Record<string, unknown>, string][] = [
        [{ ...delivery, amountFen: 1.5 }, 'amountFen'],
        [{ ...delivery, amountFen: '4750' }, 'amountFen'],
        [{ ...delivery, amountFen: 2 ** 53 }, 'amountFen'],
        [{ ...delivery, amountFen: -4750 }, 'amountFen'],
        [{ ...delivery, quantity: 12.5001 }, 'quantity'],
        [{ ...delivery, quantity: '12.5001' }, 'quantity'],
        [{ ...delivery, quantity: 0 }, 'quantity'],
        [{ ...delivery, quantity: -12.5 }, 'quantity'],
        [{ ...delivery, quantity: '1e3' }, 'quantity'],
        [{ ...delivery, quantity: '12,5' }, 'quantity'],
        [{ ...delivery, quantity: null }, 'quantity'],
        [{ ...delivery, deliveredOn: '2018-02-29' }, 'deliveredOn'],
        [{ ...delivery, paidOn: '20180915' }, 'paidOn'],
        [{ ...delivery, pricePerKg: 380 }, 'pricePerKg'],
      ];
      for (const [body, path] of cases) {
        const res = await t.post(`/v1/orders/${id}/payments`, body).expect(400);
        expect(badPaths(res.body)).toEqual([path]);
      }
      expect(await paymentsOf(id)).toHaveLength(0);
    });

    it("lets only admins and clerks of the household's township write, and scopes reads", async () => {
      const res = await t.post('/v1/orders', terms(), clerk).expect(201);
      const id = res.body.id as string;
      await t.post('/v1/orders', terms(), otherClerk).expect(403);
      await t.post('/v1/orders', terms(), auditor).expect(403);
      await t.post(`/v1/orders/${id}/payments`, delivery, otherClerk).expect(403);
      await t.post(`/v1/orders/${id}/payments`, delivery, auditor).expect(403);
      expect(await paymentsOf(id)).toHaveLength(0);
      await t.post(`/v1/orders/${id}/payments`, delivery, clerk).expect(201);
      await t.get(`/v1/orders/${id}`, clerk).expect(200);
      await t.get(`/v1/orders/${id}`, auditor).expect(200);
      await t.get(`/v1/orders/${id}`, otherClerk).expect(403);
    });

    it('answers 404 for an unknown or malformed order id', async () => {
      await t.get(`/v1/orders/${UNKNOWN_ORDER}`).expect(404);
      await t.get('/v1/orders/order-1').expect(404);
      await t.get(`/v1/orders/${UNKNOWN_EMPLOYMENT}`).expect(404);
      const pay = await t.post(`/v1/orders/${UNKNOWN_ORDER}/payments`, delivery).expect(404);
      expect(pay.body.code).toBe('ORDER.NOT_FOUND');
    });
  });
});
