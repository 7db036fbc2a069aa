import { addDays, dateInChina } from '../libs/ledger/src/primitives/calendar';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A village collective's distribution (二次分配) posted for public notice (公示): rows are its
 * allocations to the village's households, masked; while the notice is up their payments are refused,
 * by the route and by a roster import, naming the notice; a household of another village is paid; a
 * notice whose window has closed (posted on paper, recorded afterwards) holds nothing.
 */
describe('a public notice on a collective’s distribution over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let distributionId: string;
  const ids: Record<'zhang' | 'li' | 'wang', string> = { zhang: '', li: '', wang: '' };
  const today = dateInChina(new Date());

  const register = async (registrationNo: string, headName: string, village: string) =>
    (
      await t
        .post('/v1/households', { registrationNo, headName, members: 3, village, township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
  const pay = (householdId: string, amountFen: number) =>
    t.post(`/v1/distributions/${distributionId}/payments`, { householdId, amountFen, paidOn: '2019-01-05' }, clerk);
  const notice = (village: string, opensOn: string, closesOn: string) =>
    t.post(
      '/v1/notices',
      {
        village,
        township: '城关镇',
        title: `${village}2018年村集体二次分配公示`,
        subject: { distributionId },
        opensOn,
        closesOn,
      },
      clerk,
    );

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    ids.zhang = await register('421127010100201', '张三明', '桃园村');
    ids.li = await register('421127010100202', '李四', '桃园村');
    ids.wang = await register('421127010200203', '王五', '杏花村');
    const entity = async (name: string, kind: string) =>
      (await t.post('/v1/entities', { name, kind, township: '城关镇', county: '英山县' }, clerk).expect(201)).body
        .id as string;
    const collective = await entity('桃园村股份经济合作社', 'village_collective');
    const company = await entity('桃园村果业公司', 'company');
    await t
      .post(
        '/v1/stakes',
        {
          entityId: company,
          collectiveId: collective,
          source: 'cash',
          principalFen: 100_00,
          shares: 1,
          startsOn: '2018-01-01',
        },
        clerk,
      )
      .expect(201);
    const declarationId = (
      await t
        .post(
          `/v1/entities/${company}/dividends`,
          { period: '2018', declaredOn: '2018-12-20', recordDate: '2018-12-20', poolFen: 3_000_00 },
          clerk,
        )
        .expect(201)
    ).body.id as string;
    await t
      .post(
        `/v1/dividends/${declarationId}/payments`,
        { collectiveId: collective, amountFen: 3_000_00, paidOn: '2018-12-25' },
        clerk,
      )
      .expect(201);
    distributionId = (
      await t
        .post(
          `/v1/collectives/${collective}/distributions`,
          {
            period: '2018',
            declaredOn: '2018-12-28',
            poolFen: 3_000_00,
            basis: 'per_household',
            households: [ids.zhang, ids.li, ids.wang].map((householdId) => ({ householdId })),
          },
          clerk,
        )
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the village’s allocations, holds their payments while the notice is up, and not once it has closed', async () => {
    const posted = await notice('桃园村', addDays(today, -6), today).expect(201);
    const noticeId = posted.body.id as string;
    expect(posted.body.rows).toEqual([
      { rowId: 'r1', household: { maskedName: '张*明', maskedRegistrationNo: '***********0201' }, amountFen: 1_000_00 },
      { rowId: 'r2', household: { maskedName: '李*', maskedRegistrationNo: '***********0202' }, amountFen: 1_000_00 },
    ]);

    // The hold: 桃园村's households wait; 杏花村's are not on this notice.
    const held = await pay(ids.zhang, 1_000_00).expect(422);
    expect(held.body.type).toMatch(/notice-hold$/);
    expect(held.body.noticeId).toBe(noticeId);
    const roster = await t.http
      .post(`/v1/imports?kind=distributions&dryRun=false&distributionId=${distributionId}`)
      .set('Authorization', `Bearer ${clerk}`)
      .attach('file', Buffer.from('户编号,金额,发放日期\n421127010100202,1000.00,2019-01-05\n', 'utf8'), 'roster.csv');
    expect(roster.body).toMatchObject({ status: 'rejected', rejected: 1 });
    expect(roster.body.errors[0].message).toContain(noticeId);

    // 杏花村's notice was on its wall for seven days already (recorded afterwards): closed, it holds nothing.
    const closed = await notice('杏花村', addDays(today, -10), addDays(today, -3)).expect(201);
    expect(closed.body.rows).toEqual([
      { rowId: 'r1', household: { maskedName: '王*', maskedRegistrationNo: '***********0203' }, amountFen: 1_000_00 },
    ]);
    expect((await t.get(`/v1/notices/${closed.body.id as string}`, clerk).expect(200)).body.status).toBe('closed');
    await pay(ids.wang, 1_000_00).expect(201);
  });
});
