import { createHash } from 'node:crypto';
import request from 'supertest';
import { verifyProof, type PaymentProof } from '../libs/event-store/src/seals/merkle';
import { TokenIssuer } from '../libs/ledger/src/users/tokens';
import { startTestApp, type TestApp } from './support/test-app';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

describe('per-payment proofs and published seals over HTTP', () => {
  let t: TestApp;
  let clerk: string;
  let householdId: string;
  let paymentIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    clerk = await t.userToken({ name: '城关镇经办人', role: 'clerk', townships: ['城关镇'] });
    const household = { headName: '张三', members: 4, village: '桃园村', township: '城关镇', county: '英山县' };
    householdId = (await t.post('/v1/households', { ...household, registrationNo: 'proof-h1' }).expect(201)).body.id;
    const entityId = (
      await t
        .post('/v1/entities', { name: '桃园合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id;
    const leaseId = (
      await t
        .post(
          '/v1/leases',
          {
            entityId,
            householdId,
            areaMu: '2.50',
            rentPerMuYearFen: 80_000,
            startsOn: '2018-01-01',
            endsOn: '2020-12-31',
            schedule: 'yearly',
          },
          clerk,
        )
        .expect(201)
    ).body.id;
    paymentIds = [];
    for (const period of ['2018', '2019', '2020']) {
      const paid = await t
        .post(`/v1/leases/${leaseId}/payments`, { period, amountFen: 200_000, paidOn: `${period}-12-20` }, clerk)
        .expect(201);
      paymentIds.push(paid.body.id);
    }
  });
  afterAll(() => t.close());

  /** The proof once the statement has projected the payment (it answers 404 before). */
  const proofOf = async (paymentId: string, token?: string) => {
    for (let attempt = 0; ; attempt++) {
      const res = await t.get(`/v1/payments/${paymentId}/proof`, token);
      if (res.status !== 404 || res.body.code !== 'PAYMENT.NOT_FOUND' || attempt > 50) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('answers 404 until the payment is sealed, then a proof that checks offline against the public root', async () => {
    const unsealed = await proofOf(paymentIds[0]);
    expect(unsealed.status).toBe(404);
    expect(unsealed.body.code).toBe('PAYMENT.NOT_SEALED');

    const made = await t.post('/v1/audit/seals', {}).expect(201);
    expect(made.body).toEqual({
      sealId: 1,
      root: expect.stringMatching(/^[0-9a-f]{64}$/),
      fromPosition: expect.any(Number),
      toPosition: expect.any(Number),
      sealedAt: expect.any(String),
    });
    // Nothing new to seal: the latest seal, 200.
    expect((await t.post('/v1/audit/seals', {}).expect(200)).body).toEqual(made.body);

    const published = await request(t.app.getHttpServer()).get('/v1/audit/seals').expect(200);
    expect(published.body).toEqual({ seals: [{ ...made.body, algorithm: 'sha256' }] });

    for (const paymentId of paymentIds) {
      const proof = (await proofOf(paymentId)).body as PaymentProof;
      expect(proof).toMatchObject({ paymentId, algorithm: 'sha256', seal: made.body });
      expect(Object.keys(proof).sort()).toEqual(['algorithm', 'eventHash', 'path', 'paymentId', 'position', 'seal']);
      expect(await verifyProof(sha256, proof, made.body.root)).toEqual({ ok: true, root: made.body.root });
      expect(await verifyProof(sha256, { ...proof, position: proof.seal.toPosition + 1 })).toMatchObject({
        ok: false,
      });
    }
  });

  it('lets the household, its card link and its township’s clerk read a proof; not another township or household', async () => {
    await t.post('/v1/audit/seals', {});
    const own = await t.userToken({ role: 'household', householdId });
    const link = t.app.get(TokenIssuer).statementLinkFor(householdId, new Date(Date.now() + 86_400_000));
    const otherClerk = await t.userToken({ name: '温泉镇经办人', role: 'clerk', townships: ['温泉镇'] });
    const otherHousehold = (
      await t
        .post('/v1/households', {
          headName: '李四',
          members: 2,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
          registrationNo: 'proof-h2',
        })
        .expect(201)
    ).body.id;
    const stranger = await t.userToken({ role: 'household', householdId: otherHousehold });
    for (const token of [own, link, clerk]) expect((await proofOf(paymentIds[1], token)).status).toBe(200);
    for (const token of [otherClerk, stranger]) expect((await proofOf(paymentIds[1], token)).status).toBe(403);
    expect((await proofOf(`${paymentIds[1]}9`)).status).toBe(404);
  });

  it('lists seals without a token, a page at a time, and refuses bad paging with 400 naming the field', async () => {
    const page = await request(t.app.getHttpServer()).get('/v1/audit/seals?limit=1').expect(200);
    expect(page.body.seals).toHaveLength(1);
    const bad = await request(t.app.getHttpServer()).get('/v1/audit/seals?limit=0').expect(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
    // Sealing is an admin's.
    expect((await t.post('/v1/audit/seals', {}, clerk)).status).toBe(403);
  });
});
