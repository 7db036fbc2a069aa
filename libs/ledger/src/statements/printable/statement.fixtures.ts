import type { PrintableLine, PrintableStatement } from './printable-statement';

/**
 * 张三's 2018 statement: a dividend, a rent, a wage (entered twice by mistake, the second reversed)
 * and a purchase. What counts adds up to 6,864.29 yuan.
 */
export const HOUSEHOLD_ID = 'household-00000000-0000-5000-8000-000000000001';

export const fixtureLines: PrintableLine[] = [
  {
    paymentId: 'lease-00000000-0000-5000-8000-000000000002.p1',
    paidOn: '2018-01-10',
    amountFen: 125000,
    form: 'lease',
    entity: { name: '英山县桃园村股份经济合作社' },
    period: '2018',
    explanation: '英山县桃园村股份经济合作社 2018年土地流转租金：2.50 亩 × 500.00 元/亩/年 × 1 年 = 1,250.00 元',
    reversed: false,
  },
  {
    paymentId: 'dividend-00000000-0000-5000-8000-000000000003.p1',
    paidOn: '2018-07-15',
    amountFen: 200000,
    form: 'equity',
    entity: { name: '桃园采摘园有限公司' },
    period: '2018-H1',
    explanation:
      '桃园采摘园有限公司 2018年上半年保底分红：每年保底 4,000.00 元 × 1/2 年 = 2,000.00 元（股金来源：桃园村猕猴桃产业园，中央财政专项扶贫资金 500,000.00 元）',
    reversed: false,
  },
  {
    paymentId: 'employment-00000000-0000-5000-8000-000000000004.p1',
    paidOn: '2018-08-05',
    amountFen: 186000,
    form: 'labour',
    entity: { name: '桃源服装卫星工厂' },
    period: '2018-07',
    explanation: '桃源服装卫星工厂 2018年7月工资：张小梅，日薪 62.00 元 × 30 天 = 1,860.00 元',
    reversed: false,
  },
  {
    paymentId: 'employment-00000000-0000-5000-8000-000000000004.p2',
    paidOn: '2018-08-06',
    amountFen: 186000,
    form: 'labour',
    entity: { name: '桃源服装卫星工厂' },
    period: '2018-07',
    explanation:
      '桃源服装卫星工厂 2018年7月工资：张小梅，日薪 62.00 元 × 30 天 = 1,860.00 元（这笔记录有误，已经作废，不算入合计；如果应该给您，正确的一笔另行列出。）',
    reversed: true,
    reversal: { reason: '重复录入' },
    status: 'reversed',
  },
  {
    paymentId: 'order-00000000-0000-5000-8000-000000000005.p1',
    paidOn: '2018-09-20',
    amountFen: 175429,
    form: 'order',
    entity: { name: '桃园采摘园有限公司' },
    period: '2018-09',
    explanation: '桃园采摘园有限公司 收购猕猴桃 461.655 公斤 × 3.80 元/公斤 = 1,754.29 元（2018年9月18日交售）',
    reference: 'PZ-2018-0918',
    reversed: false,
  },
];

export function fixtureStatement(overrides: Partial<PrintableStatement> = {}): PrintableStatement {
  return {
    household: {
      id: HOUSEHOLD_ID,
      registrationNo: '4211240100001',
      headName: '张三',
      village: '桃园村',
      township: '城关镇',
      county: '英山县',
    },
    from: '2018-01-01',
    to: '2018-12-31',
    asOf: '2019-01-05T06:03:09.000Z',
    position: 1234,
    lines: fixtureLines,
    holdings: fixtureHoldings,
    owed: {
      items: [
        {
          linkageId: 'dividend-00000000-0000-5000-8000-000000000006',
          kind: 'dividend',
          householdId: HOUSEHOLD_ID,
          entity: { id: 'entity-00000000-0000-5000-8000-000000000007', name: '石头村养牛合作社' },
          period: '2018-H2',
          dueOn: '2018-12-20',
          dueFen: 200000,
          paidFen: 50000,
          outstandingFen: 150000,
        },
      ],
      outstandingFen: 150000,
    },
    contact: { office: '英山县乡村振兴局', phone: '0713-7012345', hotline: '12317' },
    ...overrides,
  };
}

const entity = (n: number, name: string) => ({ id: `entity-00000000-0000-5000-8000-00000000001${n}`, name });

/** What 张三's household holds: two stakes (one ended), a lease, a job and an order. */
export const fixtureHoldings: NonNullable<PrintableStatement['holdings']> = {
  stakes: [
    {
      stakeId: 'stake-00000000-0000-5000-8000-000000000021',
      entity: entity(1, '桃园采摘园有限公司'),
      source: 'fiscal_fund',
      project: { id: 'project-00000000-0000-5000-8000-000000000031', name: '桃园村猕猴桃产业园' },
      principalFen: 500000,
      shares: 50,
      guaranteedYearlyFen: 400000,
      startsOn: '2017-12-01',
      endsOn: '2020-11-30',
      status: 'active',
    },
    {
      stakeId: 'stake-00000000-0000-5000-8000-000000000022',
      entity: entity(2, '石头村养牛合作社'),
      source: 'land',
      principalFen: 300000,
      shares: 30,
      startsOn: '2016-03-01',
      endsOn: '2017-02-28',
      status: 'ended',
    },
  ],
  leases: [
    {
      leaseId: 'lease-00000000-0000-5000-8000-000000000002',
      entity: entity(3, '英山县桃园村股份经济合作社'),
      areaMu: '2.50',
      rentPerMuYearFen: 50000,
      startsOn: '2018-01-01',
      endsOn: '2022-12-31',
    },
  ],
  employments: [
    {
      employmentId: 'employment-00000000-0000-5000-8000-000000000004',
      entity: entity(4, '桃源服装卫星工厂'),
      workerName: '张小梅',
      wageBasis: 'daily',
      rateFen: 6200,
      startsOn: '2018-03-01',
    },
  ],
  orders: [
    {
      orderId: 'order-00000000-0000-5000-8000-000000000005',
      entity: entity(1, '桃园采摘园有限公司'),
      product: '猕猴桃',
      unit: '公斤',
      priceFen: 380,
      startsOn: '2018-06-01',
      endsOn: '2018-12-31',
    },
  ],
  loans: [],
};

/** `n` lines over the years 2016…, cycling through the fixture's kinds (every fifth one corrected). */
export function manyLines(n: number): PrintableLine[] {
  return Array.from({ length: n }, (_, i) => {
    const base = fixtureLines[i % fixtureLines.length];
    const year = 2016 + Math.floor((i * 3) / Math.max(n, 1));
    return { ...base, paymentId: `payment-${i}`, paidOn: `${year}${base.paidOn.slice(4)}` };
  }).sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
}
