import { attributePayment, fundFlowFigures, type FundFlowInput } from './fund-flow.figures';

const farm = 'entity-00000000-0000-5000-8000-00000000000e';
const mill = 'entity-00000000-0000-5000-8000-00000000000f';
const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const h1 = 'dividend-00000000-0000-5000-8000-0000000000d1';
const h2 = 'dividend-00000000-0000-5000-8000-0000000000d2';

/** A project that reconciles: 80,000 in, 50,000 to the farm, 30,000 + 20,000 of stakes, 1,500 paid of 1,500. */
const sound = (): FundFlowInput => ({
  funds: [
    { source: 'central', amountFen: 50_000_00 },
    { source: 'county', amountFen: 30_000_00 },
  ],
  disbursements: [{ entityId: farm, entityName: '石头村养牛合作社', amountFen: 50_000_00 }],
  stakes: [
    { stakeId: `${farm}.s1`, householdId: zhang, entityId: farm, principalFen: 30_000_00 },
    { stakeId: `${farm}.s2`, householdId: li, entityId: farm, principalFen: 20_000_00 },
  ],
  allocations: [
    { declarationId: h1, householdId: zhang, stakeId: `${farm}.s1`, amountFen: 900_00 },
    { declarationId: h1, householdId: li, stakeId: `${farm}.s2`, amountFen: 600_00 },
  ],
  payments: [
    { declarationId: h1, householdId: zhang, paidFen: 900_00 },
    { declarationId: h1, householdId: li, paidFen: 600_00 },
  ],
  names: { households: { [zhang]: '张三', [li]: '李四' }, declarations: { [h1]: '石头村养牛合作社 2018-H1' } },
});

describe('fundFlowFigures', () => {
  it('adds up every step of a flow that reconciles, and flags nothing', () => {
    const figures = fundFlowFigures(sound());
    expect(figures.totals).toEqual({
      fundsFen: 80_000_00,
      disbursedFen: 50_000_00,
      stakePrincipalFen: 50_000_00,
      dividendsPaidFen: 1_500_00,
    });
    expect(figures.dividendsPaid).toEqual([
      { stakeId: `${farm}.s1`, householdId: zhang, amountFen: 900_00 },
      { stakeId: `${farm}.s2`, householdId: li, amountFen: 600_00 },
    ]);
    expect(figures.flags).toEqual([]);
  });

  it('counts a transferred stake’s principal once (动态调整), and attributes the new holder’s dividends to it', () => {
    const wang = 'household-00000000-0000-5000-8000-000000000003';
    const input = sound();
    const transferred = {
      stakeId: `${farm}.s3`,
      householdId: wang,
      entityId: farm,
      principalFen: 20_000_00,
      transferredFrom: `${farm}.s2`,
    };
    const figures = fundFlowFigures({
      ...input,
      stakes: [...input.stakes, transferred],
      allocations: [
        ...input.allocations,
        { declarationId: h2, householdId: wang, stakeId: `${farm}.s3`, amountFen: 600_00 },
      ],
      payments: [...input.payments, { declarationId: h2, householdId: wang, paidFen: 600_00 }],
    });
    expect(figures.totals.stakePrincipalFen).toBe(50_000_00);
    expect(figures.totals.dividendsPaidFen).toBe(2_100_00);
    expect(figures.dividendsPaid).toContainEqual({ stakeId: `${farm}.s3`, householdId: wang, amountFen: 600_00 });
    expect(figures.flags).toEqual([]);
  });

  it('flags a project that disbursed more than it received', () => {
    const input = sound();
    const figures = fundFlowFigures({
      ...input,
      disbursements: [...input.disbursements, { entityId: mill, entityName: '桃园加工厂', amountFen: 30_000_01 }],
    });
    expect(figures.totals.disbursedFen).toBe(80_000_01);
    expect(figures.flags).toEqual([
      {
        rule: 'FUND_FLOW.DISBURSED_BEYOND_FUNDS',
        detail: '项目共拨付 80,000.01 元，但到位资金只有 80,000.00 元，超出 0.01 元。',
      },
    ]);
  });

  it('does not flag disbursements equal to the funds', () => {
    const input = sound();
    const figures = fundFlowFigures({
      ...input,
      disbursements: [...input.disbursements, { entityId: mill, entityName: '桃园加工厂', amountFen: 30_000_00 }],
    });
    expect(figures.flags).toEqual([]);
  });

  it('flags stake principal beyond what the project disbursed to that entity, entity by entity', () => {
    const input = sound();
    const figures = fundFlowFigures(
      {
        ...input,
        // 30,000 more to the mill does not cover the farm's stakes.
        funds: [...input.funds, { source: 'social', amountFen: 30_000_00 }],
        disbursements: [...input.disbursements, { entityId: mill, entityName: '桃园加工厂', amountFen: 30_000_00 }],
        stakes: [
          ...input.stakes,
          { stakeId: `${farm}.s3`, householdId: zhang, entityId: farm, principalFen: 1 },
          // A stake in an entity the project never disbursed to.
          {
            stakeId: 'entity-00000000-0000-5000-8000-0000000000aa.s1',
            householdId: li,
            entityId: 'entity-00000000-0000-5000-8000-0000000000aa',
            principalFen: 5_00,
          },
        ],
        names: { entities: { 'entity-00000000-0000-5000-8000-0000000000aa': '无名公司' } },
      },
      'en',
    );
    expect(figures.totals.stakePrincipalFen).toBe(50_005_01);
    expect(figures.flags.map((f) => f.rule)).toEqual([
      'FUND_FLOW.STAKE_PRINCIPAL_BEYOND_DISBURSED',
      'FUND_FLOW.STAKE_PRINCIPAL_BEYOND_DISBURSED',
    ]);
    expect(figures.flags[0].detail).toBe(
      `Stakes bought with the project's money in 石头村养牛合作社 (${farm}) hold 50,000.01 yuan of principal, but the project disbursed only 50,000.00 yuan to it (0.01 yuan more).`,
    );
    expect(figures.flags[1].detail).toMatch(/无名公司 .* 5\.00 yuan of principal.* only 0\.00 yuan/);
  });

  it('flags a household paid more on a declaration than it was allocated, and still attributes the payment', () => {
    const input = sound();
    const figures = fundFlowFigures({
      ...input,
      payments: [
        { declarationId: h1, householdId: zhang, paidFen: 1_000_00 },
        { declarationId: h1, householdId: li, paidFen: 600_00 },
      ],
    });
    expect(figures.flags).toEqual([
      {
        rule: 'FUND_FLOW.DIVIDENDS_PAID_BEYOND_ALLOCATED',
        detail: `分红方案 石头村养牛合作社 2018-H1 (${h1}) 向农户 张三 (${zhang}) 发放 1,000.00 元，但其分配额只有 900.00 元，超出 100.00 元。`,
      },
    ]);
    expect(figures.totals.dividendsPaidFen).toBe(1_600_00);
  });

  it('attributes a payment over all the household’s stakes in the declaration; only the project’s appear', () => {
    const input = sound();
    // 张三 also holds a cash stake (s5) in the declaration: allocated 900 + 300, paid 800.
    const figures = fundFlowFigures({
      ...input,
      allocations: [
        ...input.allocations,
        { declarationId: h1, householdId: zhang, stakeId: `${farm}.s5`, amountFen: 300_00 },
      ],
      payments: [{ declarationId: h1, householdId: zhang, paidFen: 800_00 }],
    });
    expect(figures.dividendsPaid).toEqual([{ stakeId: `${farm}.s1`, householdId: zhang, amountFen: 600_00 }]);
    expect(figures.totals.dividendsPaidFen).toBe(600_00);
    expect(figures.flags).toEqual([]);
  });

  it('adds up a stake’s dividends over declarations, and ignores declarations without the project’s stakes', () => {
    const input = sound();
    const figures = fundFlowFigures({
      ...input,
      allocations: [
        ...input.allocations,
        { declarationId: h2, householdId: zhang, stakeId: `${farm}.s1`, amountFen: 900_00 },
        { declarationId: 'dividend-other', householdId: li, stakeId: `${mill}.s1`, amountFen: 10_00 },
      ],
      payments: [
        ...input.payments,
        { declarationId: h2, householdId: zhang, paidFen: 450_00 },
        { declarationId: 'dividend-other', householdId: li, paidFen: 99_00 },
      ],
    });
    expect(figures.dividendsPaid).toEqual([
      { stakeId: `${farm}.s1`, householdId: zhang, amountFen: 1_350_00 },
      { stakeId: `${farm}.s2`, householdId: li, amountFen: 600_00 },
    ]);
    expect(figures.flags).toEqual([]);
  });

  it('lists nothing and flags nothing for a project with no money yet', () => {
    expect(fundFlowFigures({ funds: [], disbursements: [], stakes: [], allocations: [], payments: [] })).toEqual({
      dividendsPaid: [],
      totals: { fundsFen: 0, disbursedFen: 0, stakePrincipalFen: 0, dividendsPaidFen: 0 },
      flags: [],
    });
  });
});

describe('attributePayment', () => {
  it('splits in proportion to the allocations, to the fen, leftover fen by largest remainder then stake id', () => {
    expect(
      attributePayment(100, [
        { stakeId: 's2', amountFen: 1 },
        { stakeId: 's1', amountFen: 1 },
        { stakeId: 's3', amountFen: 1 },
      ]),
    ).toEqual([
      { stakeId: 's2', amountFen: 33 },
      { stakeId: 's1', amountFen: 34 },
      { stakeId: 's3', amountFen: 33 },
    ]);
    expect(
      attributePayment(1_000, [
        { stakeId: 'a', amountFen: 2_000 },
        { stakeId: 'b', amountFen: 1_000 },
      ]),
    ).toEqual([
      { stakeId: 'a', amountFen: 667 },
      { stakeId: 'b', amountFen: 333 },
    ]);
  });

  it('never gives a stake more than its allocation while the total is within the allocations', () => {
    const allocations = [
      { stakeId: 'a', amountFen: 1 },
      { stakeId: 'b', amountFen: 1 },
      { stakeId: 'c', amountFen: 5 },
    ];
    for (let paid = 1; paid <= 7; paid++) {
      const shares = attributePayment(paid, allocations);
      expect(shares.reduce((s, x) => s + x.amountFen, 0)).toBe(paid);
      shares.forEach((s, i) => expect(s.amountFen).toBeLessThanOrEqual(allocations[i].amountFen));
    }
  });

  it('splits equally when every allocation is zero, and attributes nothing when there is nothing', () => {
    expect(
      attributePayment(3, [
        { stakeId: 'a', amountFen: 0 },
        { stakeId: 'b', amountFen: 0 },
      ]),
    ).toEqual([
      { stakeId: 'a', amountFen: 2 },
      { stakeId: 'b', amountFen: 1 },
    ]);
    expect(attributePayment(0, [{ stakeId: 'a', amountFen: 5 }])).toEqual([]);
    expect(attributePayment(5, [])).toEqual([]);
  });
});
