// Jest's globals imported, not ambient: this tsconfig is the browser's and declares no test types.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Statement } from '../types';
import { statementYears } from './statement-years';

// Only the fields statementYears reads; the rest of a statement does not matter here.
function statement(lines: { paymentId: string; paidOn: string }[], byYear: { year: number; totalFen: number }[]) {
  return { lines, byYear } as unknown as Statement;
}

const day = fc
  .record({
    year: fc.integer({ min: 2015, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, d }) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe("the phone page's years", () => {
  it('lists every payment once, in its year, years and payments newest first', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 40 }), (days) => {
        // The API orders lines by paidOn, oldest first.
        const lines = [...days].sort().map((paidOn, i) => ({ paymentId: `p${i}`, paidOn }));
        const years = statementYears(statement(lines, []));
        expect(years.flatMap((y) => y.lines.map((l) => l.paymentId)).sort()).toEqual(
          lines.map((l) => l.paymentId).sort(),
        );
        for (let i = 1; i < years.length; i++) expect(years[i].year).toBeLessThan(years[i - 1].year);
        for (const y of years) {
          for (const l of y.lines) expect(l.paidOn.startsWith(String(y.year))).toBe(true);
          for (let i = 1; i < y.lines.length; i++) expect(y.lines[i].paidOn <= y.lines[i - 1].paidOn).toBe(true);
        }
      }),
    );
  });

  it("shows each year's subtotal as the API counted it, and a year of corrected lines only with 0", () => {
    const years = statementYears(
      statement(
        [
          { paymentId: 'a', paidOn: '2023-05-01' },
          { paymentId: 'b', paidOn: '2024-03-01' },
          { paymentId: 'c', paidOn: '2024-09-01' },
        ],
        [{ year: 2024, totalFen: 150_000 }],
      ),
    );
    expect(years.map((y) => [y.year, y.subtotalFen, y.lines.map((l) => l.paymentId)])).toEqual([
      [2024, 150_000, ['c', 'b']],
      [2023, 0, ['a']],
    ]);
  });
});
