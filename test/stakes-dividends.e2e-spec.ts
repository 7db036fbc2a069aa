import { startTestApp, type TestApp } from './support/test-app';

const UNKNOWN_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';
const UNKNOWN_HOUSEHOLD = 'household-00000000-0000-5000-8000-000000000000';
const UNKNOWN_DIVIDEND = 'dividend-00000000-0000-5000-8000-000000000000';

const fieldsOf = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))].sort();

describe('stakes and dividends over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let seq = 0;

  const household = async (headName: string, township = '城关镇'): Promise<string> => {
    seq += 1;
    const body = {
      registrationNo: `4211270101${String(seq).padStart(5, '0')}`,
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
  const stake = (entityId: string, householdId: string, extra: Record<string, unknown> = {}) => ({
    entityId,
    householdId,
    source: 'cash',
    principalFen: 1_000_00,
    shares: 1,
    startsOn: '2017-12-01',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });
  });
  afterAll(() => t.close());

  describe('stakes', () => {
    it('records stakes as <entityId>.s<n> and keeps fiscal stakes within what the project disbursed', async () => {
      const farm = await entity('石头村养牛合作社');
      const zhang = await household('张三');
      const projectId = (
        await t.post('/v1/projects', { name: '肉牛养殖扶贫项目', industry: 'breeding', county: '英山县' }).expect(201)
      ).body.id as string;
      await t
        .post(`/v1/projects/${projectId}/funds`, {
          source: 'county',
          amountFen: 50_000_00,
          documentRef: '英财农〔2018〕12号',
          receivedOn: '2018-01-10',
        })
        .expect(201);
      await t
        .post(`/v1/projects/${projectId}/disbursements`, {
          entityId: farm,
          amountFen: 10_000_00,
          purpose: '购买基础母牛',
          disbursedOn: '2018-02-01',
        })
        .expect(201);

      const fiscal = (principalFen: number) =>
        stake(farm, zhang, { source: 'fiscal_fund', projectId, principalFen, shares: 6 });
      const first = await t.post('/v1/stakes', fiscal(6_000_00), clerk).expect(201);
      expect(first.body).toEqual({ id: `${farm}.s1`, position: expect.any(Number) });

      const over = await t.post('/v1/stakes?lang=en', fiscal(4_000_01), clerk).expect(422);
      expect(over.body).toMatchObject({ status: 422, code: 'STAKE.EXCEEDS_DISBURSEMENT' });
      expect(over.body.detail).toMatch(/10,000\.00.*6,000\.00.*4,000\.00.*4,000\.01/);
      const afterRefusal = await t.get(`/v1/entities/${farm}`).expect(200);
      expect(afterRefusal.body.stakes).toHaveLength(1);

      const second = await t.post('/v1/stakes', fiscal(4_000_00), clerk).expect(201);
      expect(second.body.id).toBe(`${farm}.s2`);
      await t.post('/v1/stakes', fiscal(1), clerk).expect(422);
      const read = await t.get(`/v1/entities/${farm}`).expect(200);
      expect(read.body.stakes).toEqual([
        expect.objectContaining({ stakeId: `${farm}.s1`, projectId, principalFen: 6_000_00, township: '城关镇' }),
        expect.objectContaining({ stakeId: `${farm}.s2`, projectId, principalFen: 4_000_00 }),
      ]);
    });

    it('refuses unknown parties (422), bad terms (422) and bad input (400 naming fields)', async () => {
      const farm = await entity('桃园合作社');
      const zhang = await household('张四');
      const unknownHousehold = await t.post('/v1/stakes', stake(farm, UNKNOWN_HOUSEHOLD)).expect(422);
      expect(unknownHousehold.body.code).toBe('STAKE.UNKNOWN_HOUSEHOLD');
      const unknownEntity = await t.post('/v1/stakes', stake(UNKNOWN_ENTITY, zhang)).expect(422);
      expect(unknownEntity.body.code).toBe('STAKE.UNKNOWN_ENTITY');
      const backwards = await t.post('/v1/stakes', stake(farm, zhang, { endsOn: '2017-11-30' })).expect(422);
      expect(backwards.body.code).toBe('STAKE.ENDS_BEFORE_START');
      const unknownProject = await t
        .post(
          '/v1/stakes',
          stake(farm, zhang, { source: 'fiscal_fund', projectId: 'project-00000000-0000-5000-8000-000000000000' }),
        )
        .expect(422);
      expect(unknownProject.body.code).toBe('STAKE.UNKNOWN_PROJECT');

      const noProject = await t.post('/v1/stakes', stake(farm, zhang, { source: 'fiscal_fund' })).expect(400);
      expect(fieldsOf(noProject.body)).toEqual(['projectId']);
      const strayProject = await t
        .post('/v1/stakes', stake(farm, zhang, { projectId: 'project-00000000-0000-5000-8000-000000000000' }))
        .expect(400);
      expect(fieldsOf(strayProject.body)).toEqual(['projectId']);
      const bad = await t
        .post('/v1/stakes', {
          ...stake(farm, zhang),
          source: 'gift',
          shares: 1.5,
          principalFen: 0,
          guaranteedYearlyFen: '4000',
          startsOn: '2017-13-01',
          endsOn: null,
          unknown: true,
        })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual([
        'endsOn',
        'guaranteedYearlyFen',
        'principalFen',
        'shares',
        'source',
        'startsOn',
        'unknown',
      ]);
      await t.post('/v1/stakes', stake(farm, zhang, { shares: 0 })).expect(400);
      const read = await t.get(`/v1/entities/${farm}`).expect(200);
      expect(read.body.stakes).toEqual([]);
    });

    it('scopes clerks by the household’s township and refuses auditors', async () => {
      const farm = await entity('温泉光伏电站', '温泉镇');
      const wang = await household('王五', '温泉镇');
      const zhang = await household('张五', '城关镇');
      const other = await t.post('/v1/stakes', stake(farm, wang), clerk).expect(403);
      expect(other.body.code).toBe('AUTH.OTHER_TOWNSHIP');
      await t.post('/v1/stakes', stake(farm, wang), auditor).expect(403);
      // The entity is in 温泉镇 but the household in 城关镇: its clerk records the stake.
      await t.post('/v1/stakes', stake(farm, zhang), clerk).expect(201);
    });

    it('ends a stake once, not before it started; unknown stakes are 404', async () => {
      const farm = await entity('山茶合作社');
      const zhang = await household('张六');
      const { id } = (await t.post('/v1/stakes', stake(farm, zhang)).expect(201)).body as { id: string };
      const early = await t.post(`/v1/stakes/${id}/end`, { endsOn: '2017-11-30', reason: '赎回' }).expect(422);
      expect(early.body.code).toBe('STAKE.ENDS_BEFORE_START');
      await t.post(`/v1/stakes/${id}/end`, { endsOn: '2018-06-30', reason: '赎回' }, otherClerk).expect(403);
      await t.post(`/v1/stakes/${id}/end`, { endsOn: '2018-06-30', reason: '赎回' }, auditor).expect(403);
      const ended = await t.post(`/v1/stakes/${id}/end`, { endsOn: '2018-06-30', reason: '股金已赎回' }, clerk);
      expect(ended.status).toBe(201);
      expect(ended.body).toEqual({ id, position: expect.any(Number) });
      const again = await t.post(`/v1/stakes/${id}/end`, { endsOn: '2018-07-31', reason: '赎回' }).expect(422);
      expect(again.body.code).toBe('STAKE.ALREADY_ENDED');
      const read = await t.get(`/v1/entities/${farm}`).expect(200);
      expect(read.body.stakes[0]).toMatchObject({ stakeId: id, endsOn: '2018-06-30', endReason: '股金已赎回' });

      await t.post(`/v1/stakes/${farm}.s2/end`, { endsOn: '2018-06-30', reason: 'x' }).expect(404);
      await t.post(`/v1/stakes/${UNKNOWN_ENTITY}.s1/end`, { endsOn: '2018-06-30', reason: 'x' }).expect(404);
      await t.post(`/v1/stakes/${farm}.s0/end`, { endsOn: '2018-06-30', reason: 'x' }).expect(404);
      await t.post('/v1/stakes/nope/end', { endsOn: '2018-06-30', reason: 'x' }).expect(404);
      const bad = await t.post(`/v1/stakes/${id}/end`, { endsOn: '2018-06-31' }).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['endsOn', 'reason']);
    });
  });

  describe('dividends', () => {
    it('splits a pool pro-rata so the allocations add up exactly', async () => {
      const orchard = await entity('桃园采摘园公司');
      const households = [await household('赵一'), await household('钱二'), await household('孙三')];
      for (const h of households) await t.post('/v1/stakes', stake(orchard, h, { shares: 1 })).expect(201);
      // A stake acquired after the record date takes no part.
      await t.post('/v1/stakes', stake(orchard, households[0], { shares: 7, startsOn: '2018-07-01' })).expect(201);

      const declared = await t
        .post(
          `/v1/entities/${orchard}/dividends`,
          { period: '2018-H1', declaredOn: '2018-07-10', recordDate: '2018-06-30', poolFen: 100_00_01 },
          clerk,
        )
        .expect(201);
      expect(declared.body).toEqual({
        id: expect.stringMatching(/^dividend-[0-9a-f-]{36}$/),
        position: expect.any(Number),
        allocations: [
          { stakeId: `${orchard}.s1`, householdId: households[0], amountFen: 3_333_34 },
          { stakeId: `${orchard}.s2`, householdId: households[1], amountFen: 3_333_34 },
          { stakeId: `${orchard}.s3`, householdId: households[2], amountFen: 3_333_33 },
        ],
      });
      const total = (declared.body.allocations as { amountFen: number }[]).reduce((s, a) => s + a.amountFen, 0);
      expect(total).toBe(100_00_01);
      const read = await t.get(`/v1/dividends/${declared.body.id}`, clerk).expect(200);
      expect(read.body).toMatchObject({
        entityId: orchard,
        period: '2018-H1',
        periodShare: '1/2',
        poolFen: 100_00_01,
        totalShares: 3,
        totals: { allocatedFen: 100_00_01, paidFen: 0, owedFen: 100_00_01 },
      });
    });

    it('allocates guaranteed dividends: 4,000 yuan a year gives 2,000 yuan for 2018-H1', async () => {
      const cattle = await entity('石头村肉牛养殖场');
      const zhang = await household('张七');
      await t
        .post('/v1/stakes', stake(cattle, zhang, { guaranteedYearlyFen: 4_000_00, endsOn: '2020-11-30' }))
        .expect(201);
      const declared = await t
        .post(`/v1/entities/${cattle}/dividends`, {
          period: '2018-H1',
          declaredOn: '2018-07-10',
          recordDate: '2018-06-30',
        })
        .expect(201);
      expect(declared.body.allocations).toEqual([{ stakeId: `${cattle}.s1`, householdId: zhang, amountFen: 200_000 }]);
    });

    it('refuses declaring a period twice, unless the second is declared supplementary', async () => {
      const tea = await entity('云雾茶叶合作社');
      await t.post('/v1/stakes', stake(tea, await household('吴九'), { shares: 2 })).expect(201);
      const body = { period: '2018-H2', declaredOn: '2019-01-15', recordDate: '2018-12-31', poolFen: 50_000 };
      const first = await t.post(`/v1/entities/${tea}/dividends`, body, clerk).expect(201);
      const again = await t.post(`/v1/entities/${tea}/dividends`, { ...body, poolFen: 60_000 }, clerk).expect(409);
      expect(again.body.code).toBe('DIVIDEND.ALREADY_DECLARED');
      expect(again.body.detail).toContain(first.body.id);
      const obligations = await t.get(
        `/v1/entities/${tea}/obligations?dueBy=2019-12-31&minPosition=${first.body.position}`,
      );
      expect(obligations.body.totals.dueFen).toBe(50_000); // the refused declaration allocated nothing

      const extra = await t
        .post(`/v1/entities/${tea}/dividends`, { ...body, poolFen: 10_000, supplementary: true }, clerk)
        .expect(201);
      expect(extra.body.id).not.toBe(first.body.id);
      const read = await t.get(`/v1/dividends/${extra.body.id}`, clerk).expect(200);
      expect(read.body).toMatchObject({ period: '2018-H2', supplementary: true, poolFen: 10_000 });
      const bad = await t.post(`/v1/entities/${tea}/dividends`, { ...body, supplementary: 'yes' }, clerk).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['supplementary']);
    });

    it('refuses a declaration with nothing to allocate, bad input, unknown entities, other townships', async () => {
      const empty = await entity('空壳合作社');
      const none = await t
        .post(`/v1/entities/${empty}/dividends`, {
          period: '2018',
          declaredOn: '2018-12-31',
          recordDate: '2018-12-31',
          poolFen: 100,
        })
        .expect(422);
      expect(none.body.code).toBe('DIVIDEND.NO_ACTIVE_STAKES');
      await t.post('/v1/stakes', stake(empty, await household('周八'))).expect(201);
      const unguaranteed = await t
        .post(`/v1/entities/${empty}/dividends`, { period: '2018', declaredOn: '2018-12-31', recordDate: '2018-12-31' })
        .expect(422);
      expect(unguaranteed.body.code).toBe('DIVIDEND.NO_GUARANTEED_STAKES');
      const bad = await t
        .post(`/v1/entities/${empty}/dividends`, {
          period: '2018-H3',
          declaredOn: '2018-12-31',
          recordDate: 20181231,
          poolFen: 0,
        })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['period', 'poolFen', 'recordDate']);
      const body = { period: '2018', declaredOn: '2018-12-31', recordDate: '2018-12-31', poolFen: 100 };
      await t.post(`/v1/entities/${UNKNOWN_ENTITY}/dividends`, body).expect(404);
      await t.post('/v1/entities/entity-1/dividends', body).expect(404);
      const other = await t.post(`/v1/entities/${empty}/dividends`, body, otherClerk).expect(403);
      expect(other.body.code).toBe('AUTH.OTHER_TOWNSHIP');
      await t.post(`/v1/entities/${empty}/dividends`, body, auditor).expect(403);
    });

    describe('payments', () => {
      let declarationId: string;
      let zhang: string; // two stakes: 600 + 400 yuan
      let li: string; // 温泉镇, one stake: 1,000 yuan
      let wang: string; // no stake

      beforeAll(async () => {
        const farm = await entity('茶园合作社');
        zhang = await household('张九');
        li = await household('李九', '温泉镇');
        wang = await household('王九');
        await t.post('/v1/stakes', stake(farm, zhang, { shares: 6 })).expect(201);
        await t.post('/v1/stakes', stake(farm, li, { shares: 10 })).expect(201);
        await t.post('/v1/stakes', stake(farm, zhang, { shares: 4 })).expect(201);
        const declared = await t
          .post(`/v1/entities/${farm}/dividends`, {
            period: '2018',
            declaredOn: '2019-01-15',
            recordDate: '2018-12-31',
            poolFen: 2_000_00,
          })
          .expect(201);
        declarationId = declared.body.id;
      });

      it('pays a household up to its allocation over all its stakes, then refuses overpayment', async () => {
        const first = await t
          .post(
            `/v1/dividends/${declarationId}/payments`,
            {
              householdId: zhang,
              amountFen: 700_00,
              paidOn: '2019-01-20',
              reference: '分红-2019-001',
            },
            clerk,
          )
          .expect(201);
        expect(first.body).toEqual({ id: `${declarationId}.p1`, position: expect.any(Number) });

        const over = await t
          .post(`/v1/dividends/${declarationId}/payments`, {
            householdId: zhang,
            amountFen: 300_01,
            paidOn: '2019-01-20',
          })
          .expect(422);
        expect(over.body).toMatchObject({ code: 'DIVIDEND.OVERPAYMENT' });
        expect(over.body.detail).toContain('还欠 300.00 元');
        const read = await t.get(`/v1/dividends/${declarationId}`).expect(200);
        expect(read.body.households).toContainEqual({
          householdId: zhang,
          township: '城关镇',
          allocatedFen: 1_000_00,
          paidFen: 700_00,
          owedFen: 300_00,
        });
        expect(read.body.payments).toEqual([
          {
            paymentId: `${declarationId}.p1`,
            householdId: zhang,
            amountFen: 700_00,
            paidOn: '2019-01-20',
            reference: '分红-2019-001',
            reversed: false,
          },
        ]);
        await t
          .post(`/v1/dividends/${declarationId}/payments`, {
            householdId: zhang,
            amountFen: 300_00,
            paidOn: '2019-01-20',
          })
          .expect(201);
      });

      it('refuses a household not allocated, and a payment before the declaration', async () => {
        const stranger = await t
          .post(`/v1/dividends/${declarationId}/payments`, { householdId: wang, amountFen: 1, paidOn: '2019-01-20' })
          .expect(422);
        expect(stranger.body.code).toBe('DIVIDEND.HOUSEHOLD_NOT_ALLOCATED');
        const early = await t
          .post(`/v1/dividends/${declarationId}/payments`, { householdId: li, amountFen: 1, paidOn: '2019-01-14' })
          .expect(422);
        expect(early.body.code).toBe('DIVIDEND.PAID_BEFORE_DECLARED');
        const read = await t.get(`/v1/dividends/${declarationId}`).expect(200);
        expect((read.body.payments as { householdId: string }[]).filter((p) => p.householdId !== zhang)).toEqual([]);
      });

      it('scopes clerks by the paid household’s township, refuses auditors, and 404s unknown declarations', async () => {
        const body = { householdId: li, amountFen: 1, paidOn: '2019-01-20' };
        const other = await t.post(`/v1/dividends/${declarationId}/payments`, body, clerk).expect(403);
        expect(other.body.code).toBe('AUTH.OTHER_TOWNSHIP');
        await t.post(`/v1/dividends/${declarationId}/payments`, body, auditor).expect(403);
        await t.post(`/v1/dividends/${UNKNOWN_DIVIDEND}/payments`, body).expect(404);
        await t.post('/v1/dividends/dividend-1/payments', body).expect(404);
        await t.get(`/v1/dividends/${UNKNOWN_DIVIDEND}`).expect(404);
        const bad = await t
          .post(`/v1/dividends/${declarationId}/payments`, {
            householdId: li,
            amountFen: 1.5,
            paidOn: 'today',
            reference: '',
          })
          .expect(400);
        expect(fieldsOf(bad.body)).toEqual(['amountFen', 'paidOn', 'reference']);
      });

      it('lets exactly one of two concurrent payments of the full allocation through', async () => {
        const body = { householdId: li, amountFen: 1_000_00, paidOn: '2019-01-20' };
        const answers = await Promise.all([
          t.post(`/v1/dividends/${declarationId}/payments`, body, otherClerk),
          t.post(`/v1/dividends/${declarationId}/payments`, body),
        ]);
        const statuses = answers.map((a) => a.status).sort();
        expect(statuses[0]).toBe(201);
        expect([409, 422]).toContain(statuses[1]);
        const read = await t.get(`/v1/dividends/${declarationId}`, otherClerk).expect(200);
        expect(read.body.households).toContainEqual({
          householdId: li,
          township: '温泉镇',
          allocatedFen: 1_000_00,
          paidFen: 1_000_00,
          owedFen: 0,
        });
      });
    });
  });
});
