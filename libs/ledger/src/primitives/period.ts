/**
 * The periods the ledger's contract speaks of: a dividend's declaration period, a rent period of a
 * lease's schedule, the month a wage is paid for. Written `2018` (year), `2018-H1`/`2018-H2` (half),
 * `2018-Q1`..`2018-Q4` (quarter) and `2018-07` (month); all are calendar-aligned.
 */

import {
  compareDates,
  daysInMonth,
  isValidDate,
  LEDGER_FIRST_DATE,
  LEDGER_LAST_DATE,
  type CalendarDate,
  type CalendarMonth,
} from './calendar';
import { fraction, type Fraction } from './fraction';

/** The kinds of period: calendar year, half-year, quarter, month. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

/** Every period kind, longest first. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'half', 'quarter', 'month'];

/**
 * One period, e.g. `{kind: 'half', year: 2018, index: 1, text: '2018-H1'}`. `index` counts from 1 within
 * the year (always 1 for a year, 1–2 for halves, 1–4 for quarters, 1–12 for months); `text` is the
 * canonical form used in the API and in events.
 */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
  readonly text: string;
}

/** Why a period text was refused: `MALFORMED` (not one of the four forms) or `BAD_INDEX` (`2018-H3`, `2018-Q5`, `2018-13`). */
export type PeriodParseReason = 'MALFORMED' | 'BAD_INDEX';

/** Outcome of {@link parsePeriod}. */
export type PeriodParseResult =
  { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly reason: PeriodParseReason };

/** Months in one period of each kind. */
const MONTHS_PER: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

/** Periods of each kind in a year. */
const PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };

function periodText(kind: PeriodKind, year: number, index: number): string {
  const y = String(year).padStart(4, '0');
  switch (kind) {
    case 'year':
      return y;
    case 'half':
      return `${y}-H${index}`;
    case 'quarter':
      return `${y}-Q${index}`;
    case 'month':
      return `${y}-${String(index).padStart(2, '0')}`;
  }
}

/** Builds a period from its parts (`makePeriod('quarter', 2019, 1)` is `2019-Q1`); `RangeError` if impossible. */
export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  if (!Object.hasOwn(PER_YEAR, kind)) throw new RangeError(`makePeriod: unknown kind: ${String(kind)}`);
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw new RangeError(`makePeriod: bad year: ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > PER_YEAR[kind]) {
    throw new RangeError(`makePeriod: bad ${kind} index: ${index}`);
  }
  return { kind, year, index, text: periodText(kind, year, index) };
}

const PERIOD_TEXT = /^(\d{4})(?:-(?:H(\d)|Q(\d)|(\d{2})))?$/;

/**
 * Reads a period as the contract writes it: `'2018'`, `'2018-H1'`, `'2018-Q3'`, `'2018-07'`. Strict:
 * upper-case `H`/`Q`, two-digit months, no spaces (rosters are normalised by the importer first).
 */
export function parsePeriod(text: unknown): PeriodParseResult {
  if (typeof text !== 'string') return { ok: false, reason: 'MALFORMED' };
  const m = PERIOD_TEXT.exec(text);
  if (!m) return { ok: false, reason: 'MALFORMED' };
  const year = Number(m[1]);
  let kind: PeriodKind = 'year';
  let index = 1;
  if (m[2] !== undefined) [kind, index] = ['half', Number(m[2])];
  else if (m[3] !== undefined) [kind, index] = ['quarter', Number(m[3])];
  else if (m[4] !== undefined) [kind, index] = ['month', Number(m[4])];
  if (index < 1 || index > PER_YEAR[kind]) return { ok: false, reason: 'BAD_INDEX' };
  return { ok: true, period: makePeriod(kind, year, index) };
}

/** Whether `text` is a period in canonical form (see {@link parsePeriod}). */
export function isValidPeriod(text: unknown): text is string {
  return parsePeriod(text).ok;
}

/**
 * A period in canonical form that overlaps the ledger's world (years 1949–2100, see
 * `LEDGER_FIRST_DATE`): what users may give; `0000` and `9999` are refused.
 */
export function isLedgerPeriod(text: unknown): text is string {
  const parsed = parsePeriod(text);
  if (!parsed.ok) return false;
  return periodLastDay(parsed.period) >= LEDGER_FIRST_DATE && periodFirstDay(parsed.period) <= LEDGER_LAST_DATE;
}

/** Month numbers (1–12) of a period's first and last month. */
function monthRange(p: Period): [number, number] {
  const first = (p.index - 1) * MONTHS_PER[p.kind] + 1;
  return [first, first + MONTHS_PER[p.kind] - 1];
}

/** The first day of a period: `2018-H2` → `'2018-07-01'`. */
export function periodFirstDay(p: Period): CalendarDate {
  const [first] = monthRange(p);
  return `${String(p.year).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
}

/** The last day of a period: `2018-Q1` → `'2018-03-31'`, `2020-02` → `'2020-02-29'`. */
export function periodLastDay(p: Period): CalendarDate {
  const [, last] = monthRange(p);
  const day = daysInMonth(p.year, last);
  return `${String(p.year).padStart(4, '0')}-${String(last).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar months of a period, in order: `2018-Q3` → `['2018-07', '2018-08', '2018-09']`. */
export function periodMonths(p: Period): CalendarMonth[] {
  const [first, last] = monthRange(p);
  const months: CalendarMonth[] = [];
  for (let month = first; month <= last; month++) {
    months.push(`${String(p.year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/**
 * A period's nominal share of a year, regardless of its number of days: 1 for a year, 1/2 for a half,
 * 1/4 for a quarter, 1/12 for a month. A guaranteed yearly dividend or a yearly rent is multiplied by it.
 */
export function periodShareOfYear(p: Period): Fraction {
  return fraction(1, PER_YEAR[p.kind]);
}

/** The period of a kind that contains a date: `periodContaining('2018-08-15', 'half')` is `2018-H2`. */
export function periodContaining(date: CalendarDate, kind: PeriodKind): Period {
  if (!isValidDate(date)) throw new RangeError(`periodContaining: not a valid date: ${String(date)}`);
  if (!Object.hasOwn(MONTHS_PER, kind)) throw new RangeError(`periodContaining: unknown kind: ${String(kind)}`);
  const month = Number(date.slice(5, 7));
  return makePeriod(kind, Number(date.slice(0, 4)), Math.floor((month - 1) / MONTHS_PER[kind]) + 1);
}

/** The period right after another of the same kind: `2018-Q4` → `2019-Q1`. */
export function nextPeriod(p: Period): Period {
  return p.index < PER_YEAR[p.kind] ? makePeriod(p.kind, p.year, p.index + 1) : makePeriod(p.kind, p.year + 1, 1);
}

/** Whether a period overlaps the inclusive date range `[startsOn, endsOn]`. */
export function periodOverlaps(p: Period, startsOn: CalendarDate, endsOn: CalendarDate): boolean {
  return compareDates(periodFirstDay(p), endsOn) <= 0 && compareDates(periodLastDay(p), startsOn) >= 0;
}

/**
 * Every period of a kind that overlaps the inclusive range `[startsOn, endsOn]`, in order: e.g. the
 * rent periods of a lease's term. Empty if `endsOn` is before `startsOn`.
 */
export function periodsBetween(kind: PeriodKind, startsOn: CalendarDate, endsOn: CalendarDate): Period[] {
  if (compareDates(startsOn, endsOn) > 0) return [];
  const last = periodContaining(endsOn, kind);
  const periods: Period[] = [];
  for (let p = periodContaining(startsOn, kind); ; p = nextPeriod(p)) {
    periods.push(p);
    if (p.text === last.text) return periods;
  }
}
