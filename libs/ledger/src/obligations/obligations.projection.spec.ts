import { declared } from '../dividends/dividend.fixtures';
import { byDueDateThenLinkage } from './get-obligations/read-obligations';
import type { ObligationItem } from './get-obligations/obligations.view';
import { householdDues } from './obligations.projection';

describe('householdDues', () => {
  it('owes each household its allocations summed over its stakes, in the order first allocated', () => {
    if (declared.type !== 'DividendDeclared') throw new Error('fixture');
    expect(householdDues(declared.data)).toEqual([
      { householdId: 'household-00000000-0000-5000-8000-000000000001', dueFen: 1_500_00 },
      { householdId: 'household-00000000-0000-5000-8000-000000000002', dueFen: 1_500_00 },
    ]);
  });
});

describe('byDueDateThenLinkage', () => {
  const item = (dueOn: string, linkageId: string, householdId: string, period = '2018'): ObligationItem => ({
    linkageId,
    kind: linkageId.startsWith('lease') ? 'rent' : 'dividend',
    householdId,
    period,
    dueOn,
    dueFen: 1,
    paidFen: 0,
    outstandingFen: 1,
  });

  it('sorts by due date, then linkage, then household, in plain string order', () => {
    const items = [
      item('2019-01-01', 'lease-a', 'household-1'),
      item('2018-07-10', 'dividend-b', 'household-2'),
      item('2018-07-10', 'dividend-b', 'household-1'),
      item('2018-07-10', 'dividend-a', 'household-9'),
      item('2018-01-01', 'lease-z', 'household-1'),
    ];
    expect(items.sort(byDueDateThenLinkage).map((i) => `${i.dueOn} ${i.linkageId} ${i.householdId}`)).toEqual([
      '2018-01-01 lease-z household-1',
      '2018-07-10 dividend-a household-9',
      '2018-07-10 dividend-b household-1',
      '2018-07-10 dividend-b household-2',
      '2019-01-01 lease-a household-1',
    ]);
  });
});
