import type { FundFlowView } from './fund-flow.view';
import { countyView } from './county-fund-flow';

const farm = 'entity-00000000-0000-5000-8000-00000000000e';
const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';

const flow = (id: string, name: string, over: Partial<FundFlowView> = {}): FundFlowView => ({
  project: { id, name, industry: 'breeding', county: '英山县', assistanceModel: 'asset_income' },
  funds: [{ source: 'central', amountFen: 100_000_00 }],
  disbursements: [{ entityId: farm, entityName: '石头村养牛合作社', amountFen: 80_000_00 }],
  stakes: [
    { stakeId: `${farm}.s1`, householdId: zhang, entityId: farm, principalFen: 50_000_00 },
    { stakeId: `${farm}.s2`, householdId: li, entityId: farm, principalFen: 50_000_00, transferredFrom: `${farm}.s1` },
  ],
  dividendsPaid: [{ stakeId: `${farm}.s1`, householdId: zhang, amountFen: 1_000_00 }],
  distributions: [],
  guaranteeTopups: [],
  credit: [],
  totals: {
    fundsFen: 100_000_00,
    disbursedFen: 80_000_00,
    stakePrincipalFen: 50_000_00,
    dividendsPaidFen: 1_000_00,
    subsidisedFen: 0,
    guaranteeTopupsFen: 0,
    distributedFen: 0,
  },
  flags: [],
  ...over,
});

describe('the county’s fund flow', () => {
  it('sums its projects, lists each by name, and shows what is left at each step', () => {
    const view = countyView(
      '英山县',
      [
        { view: flow('project-a', '养牛场'), allocatedFen: 1_500_00 },
        {
          view: flow('project-b', '光伏电站', {
            flags: [{ rule: 'FUND_FLOW.DISBURSED_BEYOND_FUNDS', detail: '项目共拨付……' }],
          }),
          allocatedFen: 1_000_00,
        },
      ],
      { credit: [], subsidisedFen: 300_00, flags: [] },
    );
    expect(view.projects.map((p) => [p.projectName, p.assistanceModel, p.totals.fundsFen])).toEqual([
      ['养牛场', 'asset_income', 100_000_00],
      ['光伏电站', 'asset_income', 100_000_00],
    ]);
    expect(view.funds).toEqual([{ source: 'central', amountFen: 200_000_00 }]);
    expect(view.disbursements).toEqual([{ entityId: farm, entityName: '石头村养牛合作社', amountFen: 160_000_00 }]);
    expect(view.stakes).toHaveLength(4);
    expect(view.totals).toEqual(
      expect.objectContaining({ stakePrincipalFen: 100_000_00, subsidisedFen: 300_00, countySubsidisedFen: 300_00 }),
    );
    expect(view.leftovers).toEqual({ undisbursedFen: 40_000_00, unstakedFen: 60_000_00, unpaidFen: 500_00 });
    expect(view.flags[0].detail).toBe('「光伏电站」项目共拨付……');
  });

  it('is empty, with nothing left over, for a county without projects', () => {
    const view = countyView('罗田县', [], { credit: [], subsidisedFen: 0, flags: [] });
    expect(view.leftovers).toEqual({ undisbursedFen: 0, unstakedFen: 0, unpaidFen: 0 });
    expect(view.projects).toEqual([]);
  });
});
