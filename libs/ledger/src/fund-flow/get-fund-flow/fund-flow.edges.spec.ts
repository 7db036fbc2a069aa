import { fundFlowEdges } from './fund-flow.edges';

const project = { id: 'project-1', name: '桃花谷乡村旅游扶贫项目', industry: 'tourism' as const, county: '英山县' };
const complex = 'entity-complex';
const collective = 'entity-collective';
const zhang = 'household-zhang';
const names = {
  entities: { [complex]: '桃花谷旅游综合体', [collective]: '石头村股份经济合作社' },
  households: { [zhang]: '张三' },
  declarations: {},
};

describe('fund-flow edges', () => {
  it('names a village collective holding a stake as the collective, beside a household', () => {
    const edges = fundFlowEdges(
      {
        project,
        funds: [],
        disbursements: [{ entityId: complex, entityName: '桃花谷旅游综合体', amountFen: 600_00 }],
        stakes: [
          { stakeId: `${complex}.s1`, householdId: collective, entityId: complex, principalFen: 500_00 },
          { stakeId: `${complex}.s2`, householdId: zhang, entityId: complex, principalFen: 100_00 },
        ],
        dividendsPaid: [
          { stakeId: `${complex}.s1`, householdId: collective, amountFen: 50_00 },
          { stakeId: `${complex}.s2`, householdId: zhang, amountFen: 10_00 },
        ],
      },
      names,
    );
    expect(edges.map((e) => [e.edge, e.fromKind, e.fromName, e.toKind, e.toId, e.toName, e.amountFen])).toEqual([
      ['disbursement', 'project', '桃花谷乡村旅游扶贫项目', 'entity', complex, '桃花谷旅游综合体', 600_00],
      ['stake', 'entity', '桃花谷旅游综合体', 'collective', collective, '石头村股份经济合作社', 500_00],
      ['stake', 'entity', '桃花谷旅游综合体', 'household', zhang, '张三', 100_00],
      ['dividend', 'entity', '桃花谷旅游综合体', 'collective', collective, '石头村股份经济合作社', 50_00],
      ['dividend', 'entity', '桃花谷旅游综合体', 'household', zhang, '张三', 10_00],
    ]);
  });
});
