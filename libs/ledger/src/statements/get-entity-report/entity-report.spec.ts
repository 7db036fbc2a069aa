import { entityReportFigures } from './entity-report';

const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const wang = 'household-00000000-0000-5000-8000-000000000003';

describe('an entity’s linkage report (带贫户数)', () => {
  it('counts a household once in the total and once per form it was linked or paid by', () => {
    const figures = entityReportFigures(
      [
        { householdId: zhang, kind: 'stake' },
        { householdId: zhang, kind: 'employment' },
        { householdId: zhang, kind: 'employment' },
        { householdId: li, kind: 'lease' },
      ],
      [
        { householdId: zhang, form: 'equity', amountFen: 2_000_00 },
        { householdId: zhang, form: 'labour', amountFen: 1_500_00 },
        // Paid for last year's produce, with no contract running this year: still lifted this year.
        { householdId: wang, form: 'order', amountFen: 300_00 },
        // A loan's interest subsidy is the county's payment, not the entity's.
        { householdId: li, form: 'credit', amountFen: 99_00 },
      ],
    );
    expect(figures).toEqual({
      households: { total: 3, byForm: { equity: 1, lease: 1, labour: 1, order: 1, collective: 0 } },
      workers: 2,
      paidFen: {
        total: 3_800_00,
        byForm: { equity: 2_000_00, lease: 0, labour: 1_500_00, order: 300_00, collective: 0 },
      },
    });
  });

  it('reports nothing for an entity with no linkage in the year', () => {
    expect(entityReportFigures([], []).households.total).toBe(0);
  });
});
