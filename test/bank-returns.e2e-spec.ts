import { leaseFixture, type LeaseFixture } from './support/lease-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The bank's side of a payment over HTTP: a return (退回) leaves the payment on record, not counted
 * and owed again; a reissue (重新发放) pays it again, linked both ways on the statement.
 */
describe('bank returns and reissues over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let householdUser: string;
  let householdId: string;
  let entityId: string;
  let fixture: LeaseFixture;

  const statementOf = (position: number) =>
    t.get(`/v1/households/${householdId}/statement?minPosition=${position}`).expect(200);
  const lease = () => fixture.lease();
  const payRent = (leaseId: string) => fixture.payRent(leaseId, clerk);
  const returnBody = { returnedOn: '2018-02-05', reason: 'account_closed', detail: '账户已销户' };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    fixture = await leaseFixture(t, 'bank-');
    ({ clerk, otherClerk, auditor, householdId, entityId } = fixture);
    householdUser = await t.userToken({ role: 'household', householdId });
  });
  afterAll(async () => {
    await t.close();
  });

  it('returns a rent payment: on record, not counted, owed again; reissued, counted again and linked both ways', async () => {
    const leaseId = await lease();
    const paymentId = await payRent(leaseId);

    const returned = await t.post(`/v1/payments/${paymentId}/return`, returnBody, clerk).expect(201);
    expect(returned.body).toEqual({ id: paymentId, position: expect.any(Number) });
    const afterReturn = (await statementOf(returned.body.position as number)).body;
    expect(afterReturn.totalFen).toBe(0);
    expect(afterReturn.lines).toEqual([
      expect.objectContaining({
        paymentId,
        returned: expect.objectContaining({ returnedOn: '2018-02-05', reason: 'account_closed', detail: '账户已销户' }),
      }),
    ]);
    const read = await t.get(`/v1/leases/${leaseId}`).expect(200);
    expect(read.body.dues[0]).toMatchObject({ period: '2018', paidFen: 0, outstandingFen: 200_000 });
    expect(read.body.payments[0]).toMatchObject({
      paymentId,
      returned: { returnedOn: '2018-02-05', reason: 'account_closed' },
    });

    // Returned twice, or reversed once returned: refused.
    await t.post(`/v1/payments/${paymentId}/return`, returnBody, clerk).expect(422);
    await t.post(`/v1/payments/${paymentId}/reversal`, { reason: '错' }, clerk).expect(422);

    const reissued = await t
      .post(`/v1/payments/${paymentId}/reissue`, { paidOn: '2018-02-10', reference: 'PZ-2018-0031' }, clerk)
      .expect(201);
    const newId = reissued.body.id as string;
    expect(newId).toBe(`${leaseId}.p2`);
    const afterReissue = (await statementOf(reissued.body.position as number)).body;
    expect(afterReissue.totalFen).toBe(200_000);
    expect(afterReissue.lines).toEqual([
      expect.objectContaining({ paymentId, reissuedAs: newId }),
      expect.objectContaining({ paymentId: newId, paidOn: '2018-02-10', amountFen: 200_000, reissueOf: paymentId }),
    ]);
    const settled = (await t.get(`/v1/leases/${leaseId}`).expect(200)).body;
    expect(settled.dues[0]).toMatchObject({ outstandingFen: 0 });
    expect(settled.payments).toEqual([
      expect.objectContaining({ paymentId, reissuedAs: newId }),
      expect.objectContaining({ paymentId: newId, reissueOf: paymentId, reversed: false }),
    ]);

    // Only once, and only a returned payment.
    await t.post(`/v1/payments/${paymentId}/reissue`, { paidOn: '2018-02-11' }, clerk).expect(422);
    await t.post(`/v1/payments/${newId}/reissue`, { paidOn: '2018-02-11' }, clerk).expect(422);
  });

  it('frees a returned dividend payment’s allocation: paid again in full, and owed until then', async () => {
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
    const declarationId = (
      await t
        .post(`/v1/entities/${entityId}/dividends`, {
          period: '2018',
          declaredOn: '2019-01-10',
          recordDate: '2018-12-31',
          poolFen: 1_000_00,
        })
        .expect(201)
    ).body.id as string;
    const pay = (paidOn: string) =>
      t.post(`/v1/dividends/${declarationId}/payments`, { householdId, amountFen: 1_000_00, paidOn }, clerk);
    const paid = (await pay('2019-01-15').expect(201)).body.id as string;
    await pay('2019-01-16').expect(422); // the allocation is paid in full

    await t.post(`/v1/payments/${paid}/return`, { ...returnBody, returnedOn: '2019-01-18' }, clerk).expect(201);
    const owed = await t.get(`/v1/dividends/${declarationId}`).expect(200);
    expect(owed.body.totals).toMatchObject({ allocatedFen: 1_000_00, paidFen: 0, owedFen: 1_000_00 });

    const reissued = await t
      .post(`/v1/payments/${paid}/reissue`, { paidOn: '2019-01-20', reference: 'PZ-2019-0007' }, clerk)
      .expect(201);
    expect(reissued.body.id).toBe(`${declarationId}.p2`);
    const settled = await t.get(`/v1/dividends/${declarationId}`).expect(200);
    expect(settled.body.totals).toMatchObject({ paidFen: 1_000_00, owedFen: 0 });
    expect(settled.body.payments[1]).toMatchObject({ paymentId: `${declarationId}.p2`, reference: 'PZ-2019-0007' });
    await pay('2019-01-21').expect(422);
  });

  it('refuses bad input with 400 naming the field, and unknown payments with 404', async () => {
    const paymentId = await payRent(await lease());
    const bad = await t
      .post(`/v1/payments/${paymentId}/return`, { returnedOn: '2018-02-30', reason: 'lost' }, clerk)
      .expect(400);
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['reason', 'returnedOn']);
    await t.post(`/v1/payments/${paymentId}/reissue`, { paidOn: '2018-02-10', extra: 1 }, clerk).expect(400);
    await t.post('/v1/payments/nothing.p1/return', returnBody, clerk).expect(404);
    await t.post(`/v1/payments/${paymentId}.r/return`, returnBody, clerk).expect(404);
  });

  it('lets admins and clerks of the township return and reissue; not other clerks, auditors or households', async () => {
    const paymentId = await payRent(await lease());
    for (const token of [otherClerk, auditor, householdUser]) {
      await t.post(`/v1/payments/${paymentId}/return`, returnBody, token).expect(403);
    }
    await t.http.post(`/v1/payments/${paymentId}/return`).send(returnBody).expect(401);
    await t.post(`/v1/payments/${paymentId}/return`, returnBody).expect(201); // admin
    for (const token of [otherClerk, auditor, householdUser]) {
      await t.post(`/v1/payments/${paymentId}/reissue`, { paidOn: '2018-02-10' }, token).expect(403);
    }
    await t.http.post(`/v1/payments/${paymentId}/reissue`).send({ paidOn: '2018-02-10' }).expect(401);
    await t.post(`/v1/payments/${paymentId}/reissue`, { paidOn: '2018-02-10' }, clerk).expect(201);
  });
});
