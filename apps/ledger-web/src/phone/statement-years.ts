import type { Statement } from '../types';

/** The statement's years, newest first, each with its payments newest first and its subtotal. */
export function statementYears(
  statement: Statement,
): { year: number; subtotalFen: number; lines: Statement['lines'] }[] {
  const yearOf = (paidOn: string) => Number(paidOn.slice(0, 4));
  // A year with only corrected lines has no subtotal entry; it is listed all the same.
  const years = [...new Set([...statement.byYear.map((y) => y.year), ...statement.lines.map((l) => yearOf(l.paidOn))])];
  return years
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      subtotalFen: statement.byYear.find((y) => y.year === year)?.totalFen ?? 0,
      lines: statement.lines.filter((l) => yearOf(l.paidOn) === year).reverse(),
    }));
}
