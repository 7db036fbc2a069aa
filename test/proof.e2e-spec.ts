import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { verifyProof, type PaymentProof } from '../libs/event-store/src/seals/merkle';
import { TokenIssuer } from '../libs/ledger/src/auth/tokens';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');

/** `ledger-cli proof verify` with no database configured at all: exit code and stdout. */
async function cliVerify(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  const env = { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' };
  try {
    const { stdout } = await run(process.execPath, [cliMain, 'proof', 'verify', ...args], {
      cwd,
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

describe('per-payment proofs and published seals over HTTP', () => {
  let t: TestApp;
  let clerk: string;
  let householdId: string;
  let paymentIds: string[];

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
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

  it('ledger-cli proof verify checks a proof offline: 0 against the published root; 1 for a tampered event, a wrong root, a wrong position', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-proof-'));
    try {
      const { root } = (await request(t.app.getHttpServer()).get('/v1/audit/seals').expect(200)).body.seals[0];
      const proof = (await proofOf(paymentIds[2])).body as PaymentProof;
      const file = async (name: string, content: unknown) => {
        await writeFile(join(dir, name), JSON.stringify(content));
        return name;
      };
      const good = await file('proof.json', proof);
      const tamperedHash = `${proof.eventHash.slice(0, 63)}${proof.eventHash.endsWith('0') ? '1' : '0'}`;
      const tampered = await file('tampered.json', { ...proof, eventHash: tamperedHash });
      const moved = await file('moved.json', { ...proof, position: proof.seal.fromPosition - 1 });
      const wrongRoot = `${root.slice(0, 63)}${root.endsWith('0') ? '1' : '0'}`;
      // In parallel: each run starts a Node process, slow on a busy machine.
      const [good_, tampered_, wrongRoot_, wrongPosition_, noRoot_] = await Promise.all([
        cliVerify([good, '--root', root], dir),
        cliVerify([tampered, '--root', root], dir),
        cliVerify([good, '--root', wrongRoot], dir),
        cliVerify([moved, '--root', root], dir),
        cliVerify([good], dir),
      ]);
      const verdicts = {
        good: good_,
        tampered: tampered_,
        wrongRoot: wrongRoot_,
        wrongPosition: wrongPosition_,
        noRoot: noRoot_,
      };
      console.log(
        `proof verify exit codes: ${JSON.stringify(Object.fromEntries(Object.entries(verdicts).map(([k, v]) => [k, v.code])))}`,
      );
      expect(verdicts.good).toMatchObject({ code: 0, stdout: expect.stringContaining('已核验') });
      expect(verdicts.tampered).toMatchObject({ code: 1, stdout: expect.stringContaining('root_mismatch') });
      expect(verdicts.wrongRoot).toMatchObject({ code: 1, stdout: expect.stringContaining('not_published') });
      expect(verdicts.wrongPosition).toMatchObject({
        code: 1,
        stdout: expect.stringContaining('position_outside_seal'),
      });
      expect(verdicts.noRoot.code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('lists seals without a token, a page at a time, and refuses bad paging with 400 naming the field', async () => {
    const page = await request(t.app.getHttpServer()).get('/v1/audit/seals?limit=1').expect(200);
    expect(page.body.seals).toHaveLength(1);
    const bad = await request(t.app.getHttpServer()).get('/v1/audit/seals?limit=0').expect(400);
    expect(JSON.stringify(bad.body)).toContain('limit');
    // Sealing is an admin's.
    expect((await t.post('/v1/audit/seals', {}, clerk)).status).toBe(403);
  });
});
