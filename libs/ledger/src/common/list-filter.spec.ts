import fc from 'fast-check';
import { filterConditions, type FilterColumns } from './list-filter';

const COLUMNS: FilterColumns = { county: 'county', township: 'township', village: 'village', year: 'paid_on' };

function conditions(filter: Parameters<typeof filterConditions>[0], columns: FilterColumns = COLUMNS) {
  const values: unknown[] = [];
  const where = filterConditions(filter, columns, (v) => `$${values.push(v)}`);
  return { where, values };
}

describe('the lists’ shared filters', () => {
  it('turns each filter given into a condition on the list’s own column, and nothing for the rest', () => {
    expect(conditions({})).toEqual({ where: [], values: [] });
    expect(conditions({ township: '城关镇', village: '石头村' })).toEqual({
      where: ['township = $1', 'village = $2'],
      values: ['城关镇', '石头村'],
    });
  });

  it('filters a year as a range on the date itself (an index on it serves)', () => {
    expect(conditions({ year: 2018 })).toEqual({
      where: ['paid_on >= make_date($1::int, 1, 1) and paid_on < make_date($1::int + 1, 1, 1)'],
      values: [2018],
    });
  });

  it('refuses, as a programming error, a filter the list has no column for', () => {
    expect(() => conditions({ village: '石头村' }, { township: 'township' })).toThrow(/village/);
  });

  it('property: values are bound, never written into the SQL', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            county: fc.string(),
            township: fc.string(),
            village: fc.string(),
            year: fc.integer({ min: 2000, max: 2100 }),
          },
          { requiredKeys: [] },
        ),
        (filter) => {
          const { where, values } = conditions(filter);
          expect(values).toHaveLength(Object.keys(filter).length);
          for (const condition of where) expect(condition).toMatch(/^[a-z_ ]+(=|>=)[ $\d:a-z_(),<+]+$/);
        },
      ),
    );
  });
});
