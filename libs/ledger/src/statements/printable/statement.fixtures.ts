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
      '桃源服装卫星工厂 2018年7月工资：张小梅，日薪 62.00 元 × 30 天 = 1,860.00 元（此笔已冲销，不计入合计；原因：重复录入）',
    reversed: true,
    reversal: { reason: '重复录入' },
  },
  {
    paymentId: 'order-00000000-0000-5000-8000-000000000005.p1',
    paidOn: '2018-09-20',
    amountFen: 175429,
    form: 'order',
    entity: { name: '桃园采摘园有限公司' },
    period: '2018-09',
    explanation: '桃园采摘园有限公司 收购猕猴桃 461.655 kg × 3.80 元/kg = 1,754.29 元（2018-09-18 交售）',
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
    ...overrides,
  };
}
