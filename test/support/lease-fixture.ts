import type { TestApp } from './test-app';

/**
 * The township most payment e2e tests start from: clerks of 城关镇 and of 温泉镇, an auditor, a
 * household of 城关镇 石头村, the village's cooperative, and a two-year yearly lease of 2.5 mu at
 * 800.00 yuan a mu whose 2018 rent (2,000.00 yuan) a test pays, returns, reverses or reissues.
 */
export interface LeaseFixture {
  clerk: string;
  otherClerk: string;
  auditor: string;
  householdId: string;
  entityId: string;
  /** Registers another household (registration number `<prefix><n>`, head 户主<n> unless named) of 石头村 in `township`. */
  household(township: string, headName?: string): Promise<string>;
  /** Signs a lease of the fixture's household (or another) with the cooperative. */
  lease(householdId?: string): Promise<string>;
  /** Pays the lease's 2018 rent in full on 2018-02-01 (as the admin unless a token is given). */
  payRent(leaseId: string, token?: string): Promise<string>;
}

export async function leaseFixture(t: TestApp, prefix: string): Promise<LeaseFixture> {
  let seq = 0;
  const household = async (township: string, headName?: string): Promise<string> => {
    seq += 1;
    const body = {
      registrationNo: `${prefix}${seq}`,
      headName: headName ?? `户主${seq}`,
      members: 3,
      village: '石头村',
      township,
      county: '英山县',
    };
    return (await t.post('/v1/households', body).expect(201)).body.id as string;
  };
  const householdId = await household('城关镇', '张三明');
  const entityId = (
    await t
      .post('/v1/entities', { name: '石头村养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
      .expect(201)
  ).body.id as string;
  const lease = async (of = householdId): Promise<string> =>
    (
      await t
        .post('/v1/leases', {
          entityId,
          householdId: of,
          areaMu: '2.50',
          rentPerMuYearFen: 80_000,
          startsOn: '2018-01-01',
          endsOn: '2019-12-31',
          schedule: 'yearly',
        })
        .expect(201)
    ).body.id as string;
  const payRent = async (leaseId: string, token?: string): Promise<string> =>
    (
      await t
        .post(`/v1/leases/${leaseId}/payments`, { period: '2018', amountFen: 200_000, paidOn: '2018-02-01' }, token)
        .expect(201)
    ).body.id as string;
  return {
    clerk: await t.userToken({ role: 'clerk', townships: ['城关镇'] }),
    otherClerk: await t.userToken({ role: 'clerk', townships: ['温泉镇'] }),
    auditor: await t.userToken({ role: 'auditor' }),
    householdId,
    entityId,
    household,
    lease,
    payRent,
  };
}
