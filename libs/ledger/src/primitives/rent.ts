/**
 * What a land lease (土地流转) owes, period by period, and what a guaranteed yearly dividend (保底分红)
 * comes to for a declaration period. Area is counted in hundredths of a mu (亩) and every product is
 * taken in `bigint` before a single half-up rounding to the fen.
 */

import { compareDates, firstDayOfMonth, isValidDate, lastDayOfMonth, maxDate, type CalendarDate } from './calendar';
import { formatFraction, fraction, multiply, roundHalfUp } from './fraction';
import { isFen, MAX_FEN, type Fen } from './money';
import {
  parsePeriod,
  periodFirstDay,
  periodMonths,
  periodShareOfYear,
  periodsBetween,
  type Period,
  type PeriodKind,
} from './period';

/** When a lease's rent falls due: once a calendar year, each half-year, or each quarter. */
export type RentSchedule = 'yearly' | 'half_yearly' | 'quarterly';

/** Every rent schedule the API accepts. */
export const RENT_SCHEDULES: readonly RentSchedule[] = ['yearly', 'half_yearly', 'quarterly'];

/** The kind of period a rent schedule falls due in: `yearly` → year, `half_yearly` → half, `quarterly` → quarter. */
export function scheduleKind(schedule: RentSchedule): PeriodKind {
  switch (schedule) {
    case 'yearly':
      return 'year';
    case 'half_yearly':
      return 'half';
    case 'quarterly':
      return 'quarter';
  }
}

/**
 * Why a land area was refused: `EMPTY`; `MALFORMED` (not a plain decimal such as `2.50`: no spaces,
 * separators, units or exponents); `TOO_MANY_DECIMALS` (finer than 0.01 mu); `NEGATIVE`; `ZERO`;
 * `TOO_LARGE` (more than 2^53 − 1 hundredths of a mu).
 */
export type AreaParseReason = 'EMPTY' | 'MALFORMED' | 'TOO_MANY_DECIMALS' | 'NEGATIVE' | 'ZERO' | 'TOO_LARGE';

/** Outcome of {@link parseArea}: the area in hundredths of a mu (`'2.50'` → 250n). */
export type AreaParseResult =
  { readonly ok: true; readonly hundredths: bigint } | { readonly ok: false; readonly reason: AreaParseReason };

const AREA_TEXT = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a lease's `areaMu` (a decimal string with at most two decimals, greater than zero) as hundredths
 * of a mu: `'2.50'` → 250n, `'2.5'` → 250n, `'3'` → 300n.
 */
export function parseArea(text: unknown): AreaParseResult {
  if (typeof text !== 'string') return { ok: false, reason: 'MALFORMED' };
  if (text === '') return { ok: false, reason: 'EMPTY' };
  if (/^-/.test(text) && AREA_TEXT.test(text.slice(1))) return { ok: false, reason: 'NEGATIVE' };
  const m = AREA_TEXT.exec(text);
  if (!m) return { ok: false, reason: 'MALFORMED' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'TOO_MANY_DECIMALS' };
  const hundredths = BigInt(m[1]) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (hundredths === 0n) return { ok: false, reason: 'ZERO' };
  if (hundredths > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'TOO_LARGE' };
  return { ok: true, hundredths };
}

/** Writes hundredths of a mu as the API shows an area, with two decimals: 250n → `'2.50'`. */
export function formatArea(hundredths: bigint | number): string {
  const h = typeof hundredths === 'bigint' ? hundredths : BigInt(hundredths);
  if (h < 0n) throw new RangeError(`formatArea: negative area: ${h}`);
  return `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;
}

/** The terms of a lease that decide its rent: area, rent per mu per year, term (inclusive) and schedule. */
export interface RentTerms {
  /** Area in mu, a decimal string with at most two decimals: `'2.50'`. */
  readonly areaMu: string;
  /** Rent per mu per year in fen (at least 1). */
  readonly rentPerMuYearFen: Fen;
  /** First day of the term. */
  readonly startsOn: CalendarDate;
  /** Last day of the term (inclusive); an early end passes the new last day. */
  readonly endsOn: CalendarDate;
  readonly schedule: RentSchedule;
}

/** One rent falling due: the schedule's period, its due date, the share of a year charged, and the rent. */
export interface RentDue {
  /** The period in canonical text: `'2018'`, `'2018-H2'`, `'2019-Q1'`. */
  readonly period: string;
  /** The period's first day, or the lease's start if later. */
  readonly dueOn: CalendarDate;
  /** The share of a year charged, as a fraction text: `'1'`, `'1/2'`, `'1/4'`, `'3/4'`, `'1/6'`. */
  readonly share: string;
  /** area × rent per mu per year × share, rounded half-up to the fen. */
  readonly amountFen: Fen;
}

/**
 * The calendar months (`'YYYY-MM'`) of a period that lie wholly inside the inclusive term
 * `[startsOn, endsOn]`: the months a partly covered rent period is charged for.
 */
export function monthsWhollyWithin(period: Period, startsOn: CalendarDate, endsOn: CalendarDate): string[] {
  return periodMonths(period).filter(
    (month) => compareDates(firstDayOfMonth(month), startsOn) >= 0 && compareDates(lastDayOfMonth(month), endsOn) <= 0,
  );
}

/**
 * The rents a lease owes over its term, in period order, as the contract defines them: one due per
 * period of the schedule that overlaps the term; rent = area × rent per mu per year × the period's share
 * of a year, rounded half-up to the fen. A period only partly inside the term is charged for its calendar
 * months lying wholly inside the term, its share then being those months over 12 (a yearly lease from
 * 2018-03-15 is charged 9/12 = 3/4 for 2018); a period with no such month is not listed. A due is listed
 * even if its rent rounds to 0 fen (only possible for a tiny area at a tiny rent).
 *
 * Throws `RangeError` for an invalid area, a rent that is not 1..2^53 − 1 fen, invalid dates, an end
 * before the start, an unknown schedule, or a rent that would exceed 2^53 − 1 fen.
 */
export function computeRentDues(terms: RentTerms): RentDue[] {
  const area = parseArea(terms.areaMu);
  if (!area.ok) throw new RangeError(`computeRentDues: invalid areaMu ${String(terms.areaMu)}: ${area.reason}`);
  if (!isFen(terms.rentPerMuYearFen)) {
    throw new RangeError(`computeRentDues: invalid rentPerMuYearFen: ${String(terms.rentPerMuYearFen)}`);
  }
  if (!isValidDate(terms.startsOn) || !isValidDate(terms.endsOn)) {
    throw new RangeError(`computeRentDues: invalid term ${String(terms.startsOn)}..${String(terms.endsOn)}`);
  }
  if (compareDates(terms.startsOn, terms.endsOn) > 0) {
    throw new RangeError(`computeRentDues: term ends ${terms.endsOn} before it starts ${terms.startsOn}`);
  }
  if (!RENT_SCHEDULES.includes(terms.schedule)) {
    throw new RangeError(`computeRentDues: unknown schedule: ${String(terms.schedule)}`);
  }

  // area is in hundredths of a mu, so a year's rent is hundredths × rent / 100.
  const yearlyRentTimes100 = area.hundredths * BigInt(terms.rentPerMuYearFen);
  const dues: RentDue[] = [];
  for (const period of periodsBetween(scheduleKind(terms.schedule), terms.startsOn, terms.endsOn)) {
    const months = monthsWhollyWithin(period, terms.startsOn, terms.endsOn).length;
    if (months === 0) continue;
    const share = fraction(months, 12); // equals periodShareOfYear(period) when the period is wholly inside
    const amount = roundHalfUp(multiply(share, fraction(yearlyRentTimes100, 100n)));
    if (amount > BigInt(MAX_FEN)) throw new RangeError(`computeRentDues: rent for ${period.text} exceeds 2^53 − 1 fen`);
    dues.push({
      period: period.text,
      dueOn: maxDate(periodFirstDay(period), terms.startsOn),
      share: formatFraction(share),
      amountFen: Number(amount),
    });
  }
  return dues;
}

/**
 * A guaranteed yearly dividend for one declaration period: the yearly amount × the period's nominal
 * share of a year, rounded half-up to the fen (400,000 fen a year for `2018-H1` → 200,000). Accepts a
 * period or its text; throws `RangeError` for an invalid period or amount.
 */
export function guaranteedDividendForPeriod(guaranteedYearlyFen: Fen, period: Period | string): Fen {
  if (!isFen(guaranteedYearlyFen, { allowZero: true })) {
    throw new RangeError(`guaranteedDividendForPeriod: invalid amount: ${String(guaranteedYearlyFen)}`);
  }
  let p: Period;
  if (typeof period === 'string') {
    const parsed = parsePeriod(period);
    if (!parsed.ok) throw new RangeError(`guaranteedDividendForPeriod: invalid period ${period}: ${parsed.reason}`);
    p = parsed.period;
  } else {
    p = period;
  }
  return Number(roundHalfUp(multiply(periodShareOfYear(p), BigInt(guaranteedYearlyFen))));
}
