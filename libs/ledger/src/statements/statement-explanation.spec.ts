import { explainLine, periodText, type ExplainableLine } from './statement-explanation';
import type { DividendLineBasis } from './statement.view';

const pool: DividendLineBasis = {
  declarationId: 'dividend-1',
  stakeIds: ['entity-1.s1', 'entity-1.s3'],
  shares: 20,
  totalShares: 100,
  poolFen: 10_000_00,
  periodShare: '1/2',
  allocatedFen: 2_000_00,
  projects: [
    {
      projectId: 'project-1',
      projectName: '桃园光伏扶贫项目',
      fundSources: [
        { source: 'central', amountFen: 50_000_00 },
        { source: 'county', amountFen: 12_345_67 },
      ],
    },
  ],
};

const dividend = (basis: Partial<DividendLineBasis> = {}, amountFen = 2_000_00): ExplainableLine => ({
  kind: 'dividend',
  entityName: '桃园果业有限公司',
  period: '2018-H1',
  amountFen,
  basis: { ...pool, ...basis },
});

const guaranteed = (amountFen = 2_000_00): ExplainableLine => ({
  kind: 'dividend',
  entityName: '石头村养牛合作社',
  period: '2018-H1',
  amountFen,
  basis: {
    declarationId: 'dividend-2',
    stakeIds: ['entity-2.s1'],
    shares: 1,
    totalShares: 5,
    guaranteedYearlyFen: 4_000_00,
    periodShare: '1/2',
    allocatedFen: 2_000_00,
    projects: [],
  },
});

const rent = (amountFen = 2_000_00, periodShare = '1', dueFen = 2_000_00): ExplainableLine => ({
  kind: 'rent',
  entityName: '桃园果业有限公司',
  period: '2018',
  amountFen,
  basis: { leaseId: 'lease-1', areaMu: '2.50', rentPerMuYearFen: 800_00, periodShare, dueFen },
});

const wage = (
  amountFen: number,
  basis: Partial<Extract<ExplainableLine, { kind: 'wage' }>['basis']> = {},
): ExplainableLine => ({
  kind: 'wage',
  entityName: '桃园采摘园',
  period: '2018-07',
  amountFen,
  basis: {
    employmentId: 'employment-1',
    workerName: '张三',
    wageBasis: 'monthly',
    rateFen: 2_000_00,
    supplementary: false,
    ...basis,
  },
});

const purchase: ExplainableLine = {
  kind: 'purchase',
  entityName: '猕猴桃专业合作社',
  period: '2018-09',
  amountFen: 47_50,
  deliveredOn: '2018-09-10',
  basis: { orderId: 'order-1', product: '猕猴桃', unit: '公斤', quantity: 12.5, priceFen: 380 },
};

describe('periodText', () => {
  it.each([
    ['2018', '2018年', '2018'],
    ['2018-H1', '2018年上半年', 'the first half of 2018'],
    ['2018-H2', '2018年下半年', 'the second half of 2018'],
    ['2018-Q1', '2018年第一季度', 'the first quarter of 2018'],
    ['2018-Q4', '2018年第四季度', 'the fourth quarter of 2018'],
    ['2018-07', '2018年7月', 'July 2018'],
    ['2018-12', '2018年12月', 'December 2018'],
    ['whatever', 'whatever', 'whatever'],
  ])('%s is %s / %s', (period, zh, en) => {
    expect(periodText(period, 'zh')).toBe(zh);
    expect(periodText(period, 'en')).toBe(en);
  });
});

describe('explainLine', () => {
  it('explains a pro-rata dividend by shares, pool and the project money that bought the stakes', () => {
    expect(explainLine(dividend(), 'zh')).toBe(
      '桃园果业有限公司 2018年上半年分红：您持有 20 股，共 100 股，分红总额 10,000.00 元，按股分得 2,000.00 元' +
        '（股金来源：桃园光伏扶贫项目，中央财政资金 50,000.00 元、县级财政资金 12,345.67 元）',
    );
    expect(explainLine(dividend(), 'en')).toBe(
      'Dividend from 桃园果业有限公司 for the first half of 2018: you hold 20 of 100 shares; of a pool of ' +
        '10,000.00 yuan your share is 2,000.00 yuan (shares bought with the funds of 桃园光伏扶贫项目: ' +
        'central fiscal funds 50,000.00 yuan, county fiscal funds 12,345.67 yuan)',
    );
  });

  it('says so when only part of the allocation is paid, and omits sources when no project bought the stakes', () => {
    expect(explainLine(dividend({ projects: [] }, 1_000_00), 'zh')).toBe(
      '桃园果业有限公司 2018年上半年分红：您持有 20 股，共 100 股，分红总额 10,000.00 元，按股分得 2,000.00 元，' +
        '本次发放 1,000.00 元',
    );
    expect(explainLine(dividend({ projects: [] }, 1_000_00), 'en')).toMatch(/; this payment 1,000\.00 yuan$/);
  });

  it('names a project without funds recorded by its name alone, and several projects one after another', () => {
    const projects = [
      { projectId: 'p1', projectName: '甲项目', fundSources: [] },
      { projectId: 'p2', projectName: '乙项目', fundSources: [{ source: 'social' as const, amountFen: 1_00 }] },
    ];
    expect(explainLine(dividend({ projects }), 'zh')).toMatch(/（股金来源：甲项目；乙项目，社会投资 1\.00 元）$/);
  });

  it('explains a guaranteed dividend as the yearly amount times the period’s share of a year', () => {
    expect(explainLine(guaranteed(), 'zh')).toBe(
      '石头村养牛合作社 2018年上半年保底分红：每年保底 4,000.00 元 × 1/2 年 = 2,000.00 元',
    );
    expect(explainLine(guaranteed(), 'en')).toBe(
      'Guaranteed dividend from 石头村养牛合作社 for the first half of 2018: 4,000.00 yuan a year × 1/2 year = 2,000.00 yuan',
    );
  });

  it('explains a rent as area × rent per mu per year × share of a year, and a part payment', () => {
    expect(explainLine(rent(), 'zh')).toBe(
      '桃园果业有限公司 2018年土地流转租金：2.50 亩 × 800.00 元/亩/年 × 1 年 = 2,000.00 元',
    );
    expect(explainLine(rent(), 'en')).toBe(
      'Land rent from 桃园果业有限公司 for 2018: 2.50 mu × 800.00 yuan/mu/year × 1 year = 2,000.00 yuan',
    );
    expect(explainLine(rent(500_00, '3/4', 1_500_00), 'zh')).toBe(
      '桃园果业有限公司 2018年土地流转租金：2.50 亩 × 800.00 元/亩/年 × 3/4 年 = 1,500.00 元，本次支付 500.00 元',
    );
  });

  it('explains wages by basis, attendance, supplementary payments and what was actually paid', () => {
    expect(explainLine(wage(2_000_00), 'zh')).toBe('桃园采摘园 2018年7月工资：张三，月薪 2,000.00 元');
    expect(explainLine(wage(2_000_00), 'en')).toBe(
      'Wage from 桃园采摘园 for July 2018: 张三, monthly wage 2,000.00 yuan',
    );
    expect(explainLine(wage(1_900_00, { daysWorked: 21 }), 'zh')).toBe(
      '桃园采摘园 2018年7月工资：张三，月薪 2,000.00 元，出勤 21 天，实发 1,900.00 元',
    );
    expect(explainLine(wage(2_200_00, { wageBasis: 'daily', rateFen: 100_00, daysWorked: 22 }), 'zh')).toBe(
      '桃园采摘园 2018年7月工资：张三，日薪 100.00 元 × 22 天 = 2,200.00 元',
    );
    expect(explainLine(wage(300_00, { wageBasis: 'piece', rateFen: 50, supplementary: true }), 'zh')).toBe(
      '桃园采摘园 2018年7月工资（补发）：张三，计件单价 0.50 元，实发 300.00 元',
    );
    expect(explainLine(wage(300_00, { wageBasis: 'piece', rateFen: 50, supplementary: true }), 'en')).toBe(
      'Wage from 桃园采摘园 for July 2018 (supplementary): 张三, piece rate 0.50 yuan, paid 300.00 yuan',
    );
  });

  it('explains a purchase as quantity × price', () => {
    expect(explainLine(purchase, 'zh')).toBe(
      '猕猴桃专业合作社 收购猕猴桃 12.5 公斤 × 3.80 元/公斤 = 47.50 元（2018年9月10日交售）',
    );
    expect(explainLine(purchase, 'en')).toBe(
      '猕猴桃专业合作社 bought 12.5 公斤 of 猕猴桃 × 3.80 yuan/公斤 = 47.50 yuan (delivered 2018-09-10)',
    );
  });

  it("says a corrected payment is not counted, in words for the household and not the clerk's reason", () => {
    const zh = explainLine({ ...rent(), reversalReason: '重复录入' }, 'zh');
    expect(zh).toBe(
      '桃园果业有限公司 2018年土地流转租金：2.50 亩 × 800.00 元/亩/年 × 1 年 = 2,000.00 元（这笔记录有误，已经作废，不算入合计；如果应该给您，正确的一笔另行列出。）',
    );
    expect(zh).not.toMatch(/冲正|冲销|重复录入/);
    const en = explainLine({ ...rent(), reversalReason: 'entered twice' }, 'en');
    expect(en).toMatch(/ \(This entry was wrong and has been cancelled; it is not counted\./);
    expect(en).not.toContain('entered twice');
  });
});
