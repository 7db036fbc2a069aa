import type { DividendAllocation, DividendEvent, DividendPaid } from './dividend.events';

/** Shared figures for the dividend specs. */
export const declarationId = 'dividend-00000000-0000-5000-8000-0000000000d1';
export const farm = 'entity-00000000-0000-5000-8000-00000000000e';
export const zhang = 'household-00000000-0000-5000-8000-000000000001';
export const li = 'household-00000000-0000-5000-8000-000000000002';
export const wang = 'household-00000000-0000-5000-8000-000000000003';

export const allocation = (
  n: number,
  householdId: string,
  amountFen: number,
  township = '城关镇',
): DividendAllocation => ({
  stakeId: `${farm}.s${n}`,
  householdId,
  township,
  shares: 10,
  source: 'cash',
  amountFen,
});

/** A 2018-H1 declaration: 张 holds two stakes (1,000 + 500), 李 one (1,500, in 温泉镇). */
export const declared: DividendEvent = {
  type: 'DividendDeclared',
  data: {
    declarationId,
    entityId: farm,
    entityName: '石头村养牛合作社',
    township: '城关镇',
    period: '2018-H1',
    periodShare: '1/2',
    declaredOn: '2018-07-10',
    recordDate: '2018-06-30',
    poolFen: 3_000_00,
    totalShares: 30,
    allocations: [allocation(1, zhang, 1_000_00), allocation(2, li, 1_500_00, '温泉镇'), allocation(3, zhang, 500_00)],
  },
};

export const paid = (n: number, householdId: string, amountFen: number): DividendPaid => ({
  type: 'DividendPaid',
  data: { declarationId, paymentId: `${declarationId}.p${n}`, householdId, amountFen, paidOn: '2018-07-15' },
});

export const reversed = (n: number): DividendEvent => ({
  type: 'PaymentReversed',
  data: { paymentId: `${declarationId}.p${n}`, reversalId: `${declarationId}.p${n}.r`, reason: '重复录入' },
});
