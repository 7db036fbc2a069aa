import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import request, { type Response } from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * `Idempotency-Key` on payments, as a property: the same request sent 1–5 times at once with one key
 * records exactly one payment (or, if a rule refuses it, nothing) and gets the same answer every time,
 * all but the one that ran marked `Idempotent-Replayed: true`. The same key with another body is a
 * 422; a 400 is not kept, so the key still works once the body is fixed. Uploads (a bank file, a
 * roster) are received before the key's digest is taken, so the digest covers the file's bytes.
 */

type Kind = 'rent' | 'wage' | 'purchase' | 'dividend';

interface Linkage {
  streamId: string;
  path: string;
}

describe('idempotent payments over HTTP', () => {
  let t: TestApp;
  let db: Client;
  let clerk: string;
  let foreignPath: string;
  let householdId: string;
  let entityId: string;
  let run = 0;

  const created = async (path: string, body: Record<string, unknown>): Promise<string> => {
    const res = await t.post(path, body);
    if (res.status !== 201) throw new Error(`fixture ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  /** A fresh linkage of the kind, with nothing paid on it yet. */
  const linkage = async (kind: Kind): Promise<Linkage> => {
    switch (kind) {
      case 'rent': {
        const id = await created('/v1/leases', {
          entityId,
          householdId,
          areaMu: '2.50',
          rentPerMuYearFen: 80_000,
          startsOn: '2018-01-01',
          endsOn: '2018-12-31',
          schedule: 'yearly',
        });
        return { streamId: id, path: `/v1/leases/${id}/payments` };
      }
      case 'wage': {
        const id = await created('/v1/employments', {
          entityId,
          householdId,
          workerName: '张三',
          startsOn: '2018-03-15',
          wageBasis: 'monthly',
          rateFen: 200_000,
        });
        return { streamId: id, path: `/v1/employments/${id}/payments` };
      }
      case 'purchase': {
        const id = await created('/v1/orders', {
          entityId,
          householdId,
          product: '猕猴桃',
          unit: 'kg',
          priceFen: 380,
          startsOn: '2018-08-01',
          endsOn: '2018-10-31',
        });
        return { streamId: id, path: `/v1/orders/${id}/payments` };
      }
      case 'dividend': {
        const id = await created(`/v1/entities/${entityId}/dividends`, {
          period: '2018',
          declaredOn: '2019-01-10',
          recordDate: '2018-12-31',
          poolFen: 200_000,
          supplementary: true, // one declaration per case, all for 2018
        });
        return { streamId: id, path: `/v1/dividends/${id}/payments` };
      }
    }
  };

  /**
   * A payment body of the kind. `amount` is 1..200,000 fen; with `overpay` the amount is beyond what
   * is owed (or, for a purchase, not quantity × price), so a ledger rule refuses it with a 422.
   */
  const paymentBody = (kind: Kind, amount: number, overpay: boolean): Record<string, unknown> => {
    const fen = overpay ? 200_000 + amount : amount;
    switch (kind) {
      case 'rent':
        return { period: '2018', amountFen: fen, paidOn: '2018-02-01' };
      case 'wage':
        // A second payment of a month without `supplementary` is refused: that is the 422 here.
        return { period: '2018-07', amountFen: amount, paidOn: '2018-07-28' };
      case 'purchase': {
        const quantity = 1 + (amount % 500);
        return {
          quantity,
          amountFen: overpay ? quantity * 380 + 1 : quantity * 380,
          deliveredOn: '2018-09-10',
          paidOn: '2018-09-15',
        };
      }
      case 'dividend':
        return { householdId, amountFen: fen, paidOn: '2019-01-15' };
    }
  };

  const eventCount = async (streamId: string): Promise<number> =>
    (await db.query<{ n: number }>('select count(*)::int as n from events where stream_id = $1', [streamId])).rows[0].n;

  const post = (path: string, body: unknown, key: string, token = clerk): Promise<Response> =>
    t.post(path, body, token, { 'Idempotency-Key': key });

  const replayed = (res: Response) => res.headers['idempotent-replayed'] === 'true';

  const kinds = fc.constantFrom<Kind>('rent', 'wage', 'purchase', 'dividend');
  const keys = fc.stringMatching(/^[A-Za-z0-9._~:-]{1,150}$/);
  const amounts = fc.integer({ min: 1, max: 200_000 });
  const NUM_RUNS = 15;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    householdId = await created('/v1/households', {
      registrationNo: 'idem-1',
      headName: '张三',
      members: 3,
      village: '石头村',
      township: '城关镇',
      county: '英山县',
    });
    entityId = await created('/v1/entities', {
      name: '桃园合作社',
      kind: 'cooperative',
      township: '城关镇',
      county: '英山县',
    });
    const foreignHousehold = await created('/v1/households', {
      registrationNo: 'idem-2',
      headName: '王五',
      members: 2,
      village: '温泉村',
      township: '温泉镇',
      county: '英山县',
    });
    const foreignLease = await created('/v1/leases', {
      entityId,
      householdId: foreignHousehold,
      areaMu: '1.00',
      rentPerMuYearFen: 80_000,
      startsOn: '2018-01-01',
      endsOn: '2018-12-31',
      schedule: 'yearly',
    });
    foreignPath = `/v1/leases/${foreignLease}/payments`;
    // One stake: the household is allocated the whole pool of every declaration.
    await created('/v1/stakes', {
      entityId,
      householdId,
      source: 'cash',
      principalFen: 1_000_00,
      shares: 1,
      startsOn: '2017-12-01',
    });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('records one payment for 1–5 concurrent copies of a request with one key, and answers them alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        kinds,
        fc.integer({ min: 1, max: 5 }),
        amounts,
        fc.boolean(),
        keys,
        async (kind, copies, amount, refused, keyText) => {
          run += 1;
          const key = `${run}-${keyText}`;
          const { streamId, path } = await linkage(kind);
          // For wages the refusal is a month already paid: pay it first, without a key.
          if (refused && kind === 'wage') await t.post(path, paymentBody(kind, amount, false), clerk).expect(201);
          const before = await eventCount(streamId);
          const body = paymentBody(kind, amount, refused);

          const answers = await Promise.all(Array.from({ length: copies }, () => post(path, body, key)));

          const status = refused ? 422 : 201;
          expect(answers.map((a) => a.status)).toEqual(answers.map(() => status));
          for (const a of answers) expect(a.body).toEqual(answers[0].body);
          expect(answers.filter(replayed)).toHaveLength(copies - 1);
          expect(await eventCount(streamId)).toBe(before + (refused ? 0 : 1));
          if (!refused) expect(answers[0].body).toEqual({ id: `${streamId}.p${before}`, position: expect.any(Number) });

          // Later copies replay too, and still record nothing.
          const later = await post(path, body, key);
          expect([later.status, later.body, replayed(later)]).toEqual([status, answers[0].body, true]);
          expect(await eventCount(streamId)).toBe(before + (refused ? 0 : 1));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses the same key with a different body (422) and records nothing for it', async () => {
    await fc.assert(
      fc.asyncProperty(kinds, amounts, amounts, keys, async (kind, first, second, keyText) => {
        // Different amounts can make the same body (a purchase's quantity is the amount modulo 500).
        fc.pre(JSON.stringify(paymentBody(kind, first, false)) !== JSON.stringify(paymentBody(kind, second, false)));
        run += 1;
        const key = `${run}-${keyText}`;
        const { streamId, path } = await linkage(kind);
        const original = await post(path, paymentBody(kind, first, false), key);
        expect(original.status).toBe(201);
        const after = await eventCount(streamId);

        const reused = await post(path, paymentBody(kind, second, false), key);
        expect(reused.status).toBe(422);
        expect(reused.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
        // Another route with the key is another request too.
        const elsewhere = await post(`${path}?lang=en`, paymentBody(kind, first, false), key);
        expect(elsewhere.status).toBe(422);
        expect(await eventCount(streamId)).toBe(after);

        // The original request with the key still replays the original answer.
        const again = await post(path, paymentBody(kind, first, false), key);
        expect([again.status, again.body, replayed(again)]).toEqual([201, original.body, true]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps no 400 or 403: the same key works once the request is fixed', async () => {
    await fc.assert(
      fc.asyncProperty(
        kinds,
        amounts,
        keys,
        fc.constantFrom<unknown>('100', 1.5, -1, 0, null, 9007199254740992, [100]),
        async (kind, amount, keyText, badAmount) => {
          run += 1;
          const key = `${run}-${keyText}`;
          const { streamId, path } = await linkage(kind);
          const before = await eventCount(streamId);
          const good = paymentBody(kind, amount, false);

          const bad = await post(path, { ...good, amountFen: badAmount }, key);
          expect(bad.status).toBe(400);
          expect([...new Set((bad.body.errors as { path: string }[]).map((e) => e.path))]).toEqual(['amountFen']);
          expect(replayed(bad)).toBe(false);
          // Rent for a household of a township the clerk does not serve: refused, and not kept either.
          const forbidden = await post(foreignPath, { period: '2018', amountFen: 1, paidOn: '2018-02-01' }, key);
          expect(forbidden.status).toBe(403);
          expect(await eventCount(streamId)).toBe(before);

          const fixed = await post(path, good, key);
          expect([fixed.status, replayed(fixed)]).toEqual([201, false]);
          const again = await post(path, good, key);
          expect([again.status, again.body, replayed(again)]).toEqual([201, fixed.body, true]);
          expect(await eventCount(streamId)).toBe(before + 1);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('serves more concurrent keyed requests than the database pool has connections', async () => {
    // The pool holds 10 connections in tests; a request must not hold one while it waits for another.
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.post(
          '/v1/households',
          {
            registrationNo: `idem-many-${i}`,
            headName: '李四',
            members: 2,
            village: '石头村',
            township: '城关镇',
            county: '英山县',
          },
          clerk,
          { 'Idempotency-Key': `many-${i}` },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
  }, 30_000);

  describe('uploads (multipart)', () => {
    const upload = (path: string, file: string, fileName: string, key?: string): request.Test => {
      const req = request(t.app.getHttpServer()).post(path).set('Authorization', `Bearer ${clerk}`);
      if (key !== undefined) req.set('Idempotency-Key', key);
      return req.attach('file', Buffer.from(file, 'utf8'), fileName);
    };
    const eventsOfType = async (type: string): Promise<number> =>
      (await db.query<{ n: number }>('select count(*)::int as n from events where event_type = $1', [type])).rows[0].n;
    const bankFile = (voucher: string) => `凭证号,金额,日期,状态\n${voucher},20.00,2018-02-01,成功\n`;
    const RECONCILE = '/v1/reconciliations?township=城关镇';

    it('replays a bank file sent again with its key, and refuses the key with another file (422), recording once', async () => {
      const before = await eventsOfType('BankFileReconciled');
      const first = await upload(RECONCILE, bankFile('YH-1'), 'bank.csv', 'bank-file-key').expect(201);
      expect(replayed(first)).toBe(false);

      const again = await upload(RECONCILE, bankFile('YH-1'), 'bank.csv', 'bank-file-key');
      expect([again.status, again.body, replayed(again)]).toEqual([201, first.body, true]);

      const other = await upload(RECONCILE, bankFile('YH-2'), 'bank.csv', 'bank-file-key');
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', field: 'Idempotency-Key' });
      // The same bytes under another name are another request too: the name is recorded.
      const renamed = await upload(RECONCILE, bankFile('YH-1'), 'bank-2.csv', 'bank-file-key');
      expect(renamed.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED' });
      expect(await eventsOfType('BankFileReconciled')).toBe(before + 1);

      // Without a key each upload is a reconciliation of its own, as before.
      await upload(RECONCILE, bankFile('YH-1'), 'bank.csv').expect(201);
      expect(await eventsOfType('BankFileReconciled')).toBe(before + 2);
    });

    it('records one reconciliation for a double click: the same file sent twice at once with one key', async () => {
      const before = await eventsOfType('BankFileReconciled');
      const answers = await Promise.all(
        [1, 2, 3].map(() => upload(RECONCILE, bankFile('YH-3'), 'bank.csv', 'double-click')),
      );
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      for (const a of answers) expect(a.body).toEqual(answers[0].body);
      expect(answers.filter(replayed)).toHaveLength(2);
      expect(await eventsOfType('BankFileReconciled')).toBe(before + 1);
    });

    it('replays a roster import sent again with its key, and refuses the key with another roster', async () => {
      const roster = (registrationNo: string) =>
        `户编号,户主姓名,人口,村,乡镇,县区\n${registrationNo},周一,4,桃园村,城关镇,英山县\n`;
      const before = await eventsOfType('HouseholdRegistered');
      const first = await upload('/v1/imports?kind=households', roster('idem-roster-1'), '名册.csv', 'roster-key');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'committed', rows: 1 });

      const again = await upload('/v1/imports?kind=households', roster('idem-roster-1'), '名册.csv', 'roster-key');
      expect([again.status, again.body, replayed(again)]).toEqual([201, first.body, true]);
      const other = await upload('/v1/imports?kind=households', roster('idem-roster-2'), '名册.csv', 'roster-key');
      expect(other.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY.KEY_REUSED', field: 'Idempotency-Key' });
      expect(await eventsOfType('HouseholdRegistered')).toBe(before + 1);
    });

    it('digests a JSON body as it always did: a key kept before uploads were digested still replays', async () => {
      const body = {
        registrationNo: 'idem-json',
        headName: '李四',
        members: 2,
        village: '石头村',
        township: '城关镇',
        county: '英山县',
      };
      const sorted = Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)));
      const hash = createHash('sha256')
        .update(JSON.stringify(['POST', '/v1/households', {}, sorted]))
        .digest('hex');
      const kept = { id: 'household-kept-before', position: 1 };
      const first = await post('/v1/households', body, 'json-key');
      expect(first.status).toBe(201);
      // Rewrite what was kept as a row written by the old digest would be: it must still match.
      await db.query(`update idempotency_keys set request_hash = $1, body = $2 where key = 'json-key'`, [
        hash,
        JSON.stringify(kept),
      ]);
      const again = await post('/v1/households', body, 'json-key');
      expect([again.status, again.body, replayed(again)]).toEqual([201, kept, true]);
    });
  });
});
