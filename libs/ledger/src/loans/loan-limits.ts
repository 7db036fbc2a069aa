import { compareDates, daysInMonth } from '../primitives/calendar';

/** The policy's ceiling on one poverty micro-credit loan: 50,000 yuan. */
export const MAX_LOAN_PRINCIPAL_FEN = 5_000_000;

/** The policy's longest term, in years. */
export const MAX_LOAN_TERM_YEARS = 3;

/**
 * The same calendar date `years` later; 29 February becomes 28 February in a year without one (the
 * contract's rule: a term never runs past the date it names).
 */
export function sameDateYearsLater(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The latest `maturesOn` a loan disbursed on `disbursedOn` may have. */
export const latestMaturity = (disbursedOn: string): string => sameDateYearsLater(disbursedOn, MAX_LOAN_TERM_YEARS);

/** Whether a term runs after it starts and no longer than the policy allows. */
export function termWithinLimit(disbursedOn: string, maturesOn: string): boolean {
  return compareDates(maturesOn, disbursedOn) > 0 && compareDates(maturesOn, latestMaturity(disbursedOn)) <= 0;
}
