/**
 * A statement's sums, from its lines alone: by form, in all, and by year. Pure, free of Node: the
 * printed card and the phone page add up exactly what the API does.
 */
import { STATEMENT_FORMS, type StatementForm, type StatementLine, type StatementYear } from './statement.view';

/** Every form at 0, in the contract's order. */
export function noForms(): Record<StatementForm, number> {
  return Object.fromEntries(STATEMENT_FORMS.map((f) => [f, 0])) as Record<StatementForm, number>;
}

/** The counted lines (not reversed) summed by form, in all, and by year of `paidOn` (oldest first). */
export function sums(lines: readonly Pick<StatementLine, 'form' | 'amountFen' | 'paidOn' | 'status'>[]): {
  byForm: Record<StatementForm, number>;
  totalFen: number;
  byYear: StatementYear[];
} {
  const byForm = noForms();
  const years = new Map<number, StatementYear>();
  let totalFen = 0;
  for (const line of lines) {
    if (line.status !== 'paid') continue;
    const year = Number(line.paidOn.slice(0, 4));
    let sum = years.get(year);
    if (!sum) years.set(year, (sum = { year, totalFen: 0, byForm: noForms() }));
    byForm[line.form] += line.amountFen;
    sum.byForm[line.form] += line.amountFen;
    sum.totalFen += line.amountFen;
    totalFen += line.amountFen;
  }
  return { byForm, totalFen, byYear: [...years.values()].sort((a, b) => a.year - b.year) };
}
