import { startTestApp, type TestApp } from './support/test-app';

/**
 * The dashboard's own reads: the month's payments (a clerk's townships, a county, or all) and the
 * number of users by role (admin).
 */
describe('dashboard figures', () => {
  let t: TestApp;
  let clerk: string;
  let auditor: string;
  let position = 0;

  const household = async (registrationNo: string, township: string, county = '英山县') =>
    (
      await t
        .post('/v1/households', { registrationNo, headName: '张三', members: 3, village: '桃园村', township, county })
        .expect(201)
    ).body.id as string;

  const paid = async (employmentId: string, period: string, amountFen: number, paidOn: string) => {
    const res = await t.post(`/v1/employments/${employmentId}/payments`, { period, amountFen, paidOn }).expect(201);
    position = Math.max(position, res.body.position as number);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const entityId = (
      await t
        .post('/v1/entities', { name: '桃园采摘园', kind: 'company', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
    const employ = async (householdId: string) =>
      (
        await t
          .post('/v1/employments', {
            entityId,
            householdId,
            workerName: '张三',
            startsOn: '2024-01-01',
            wageBasis: 'monthly',
            rateFen: 240000,
          })
          .expect(201)
      ).body.id as string;
    const here = await employ(await household('421127010100001', '城关镇'));
    const there = await employ(await household('421127010100002', '温泉镇'));
    const elsewhere = await employ(await household('421127010100003', '石头镇', '罗田县'));
    await paid(here, '2024-02', 240000, '2024-03-05');
    await paid(here, '2024-03', 120050, '2024-03-31');
    await paid(here, '2024-01', 240000, '2024-02-29'); // the month before: not counted
    await paid(there, '2024-02', 230000, '2024-03-10');
    await paid(elsewhere, '2024-02', 100000, '2024-03-10');
    const reversed = await paid(there, '2024-03', 99900, '2024-03-30');
    const reversal = await t.post(`/v1/payments/${reversed}/reversal`, { reason: '重复录入' }).expect(201);
    position = reversal.body.position as number;
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    auditor = await t.userToken({ role: 'auditor' });
    await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
  });
  afterAll(() => t.close());

  it("counts a month's payments, reversed ones left out, everywhere for an auditor", async () => {
    const res = await t.get(`/v1/audit/payments-month?month=2024-03&minPosition=${position}`, auditor).expect(200);
    expect(res.body).toMatchObject({ month: '2024-03', payments: 4, amountFen: 690050, households: 3 });
  });

  it('counts one county when asked', async () => {
    const res = await t.get(`/v1/audit/payments-month?month=2024-03&county=英山县&minPosition=${position}`).expect(200);
    expect(res.body).toMatchObject({ county: '英山县', payments: 3, amountFen: 590050, households: 2 });
  });

  it('keeps a clerk to its townships', async () => {
    const res = await t.get(`/v1/audit/payments-month?month=2024-03&minPosition=${position}`, clerk).expect(200);
    expect(res.body).toMatchObject({ payments: 2, amountFen: 360050, households: 1 });
  });

  it('defaults to this month, and refuses a month that is not one, naming `month`', async () => {
    const now = await t.get('/v1/audit/payments-month').expect(200);
    expect(now.body.month).toMatch(/^\d{4}-\d{2}$/);
    const bad = await t.get('/v1/audit/payments-month?month=2024-13').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'month' })]);
    const unknown = await t.get('/v1/audit/payments-month?year=2024').expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'year' })]);
  });

  it('counts users by role for the admin alone', async () => {
    const res = await t.get('/v1/users/summary').expect(200);
    expect(res.body).toMatchObject({ total: 4, byRole: { admin: 1, clerk: 2, auditor: 1, household: 0 } });
    await t.get('/v1/users/summary', auditor).expect(403);
    await t.get('/v1/users/summary', clerk).expect(403);
  });
});
