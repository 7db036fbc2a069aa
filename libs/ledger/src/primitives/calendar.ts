/**
 * Calendar dates as the ledger records them: `'YYYY-MM-DD'` strings in the proleptic Gregorian
 * calendar (years 0000–9999), with all arithmetic done on integers (days in month, leap years, day
 * numbers). No clock is ever read here; the only instants handled are those passed in, and
 * {@link dateInChina} turns them into the date in China Standard Time (UTC+8).
 */

/** A calendar date `'YYYY-MM-DD'`, e.g. a payment's `paidOn` or a lease's `startsOn`. */
export type CalendarDate = string;

/** A calendar month `'YYYY-MM'`, e.g. the month a wage is paid for. */
export type CalendarMonth = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** First and last day the ledger can represent. */
const MIN_DAY_NUMBER = toDayNumber(0, 1, 1);
const MAX_DAY_NUMBER = toDayNumber(9999, 12, 31);

/** Whether `year` is a Gregorian leap year (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (`month` 1–12): 28–31, February 29 in leap years. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`daysInMonth: no such month: ${year}-${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `text` is strictly `'YYYY-MM-DD'` and a real calendar date (`'2018-02-29'` is not; `'2020-02-29'` is). */
export function isValidDate(text: unknown): text is CalendarDate {
  if (typeof text !== 'string') return false;
  const m = DATE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Whether `text` is strictly `'YYYY-MM'` with a month 01–12. */
export function isValidMonth(text: unknown): text is CalendarMonth {
  if (typeof text !== 'string') return false;
  const m = MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/**
 * The ledger's world: the first and last day a date the ledger records may fall on (the People's
 * Republic's founding to the end of 2100). Arithmetic above works on any year 0000–9999, but a date a
 * user gives must lie here: read models store dates in PostgreSQL, which has no year 0000, and a
 * year-9999 term would run past what any schedule can list.
 */
export const LEDGER_FIRST_DATE: CalendarDate = '1949-10-01';
export const LEDGER_LAST_DATE: CalendarDate = '2100-12-31';
/** How a refusal says it, for messages. */
export const LEDGER_DATE_RANGE = `${LEDGER_FIRST_DATE} to ${LEDGER_LAST_DATE}`;

/** A real `'YYYY-MM-DD'` date inside the ledger's world (see {@link LEDGER_FIRST_DATE}). */
export function isLedgerDate(text: unknown): text is CalendarDate {
  return isValidDate(text) && text >= LEDGER_FIRST_DATE && text <= LEDGER_LAST_DATE;
}

/** A `'YYYY-MM'` month with at least one day inside the ledger's world. */
export function isLedgerMonth(text: unknown): text is CalendarMonth {
  return isValidMonth(text) && text >= LEDGER_FIRST_DATE.slice(0, 7) && text <= LEDGER_LAST_DATE.slice(0, 7);
}

/** An ISO 8601 instant with offset whose date in China lies inside the ledger's world. */
export function isLedgerInstant(text: unknown): text is string {
  return isIsoInstant(text) && isLedgerDate(dateInChina(text));
}

function assertDate(date: string, fn: string): void {
  if (!isValidDate(date)) throw new RangeError(`${fn}: not a valid YYYY-MM-DD date: ${String(date)}`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats year, month (1–12) and day as `'YYYY-MM-DD'`. */
function formatDate(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate(year, month, day);
}

/** Days since 1970-01-01 (negative before): a date as an integer, for counting and ordering days. */
export function epochDay(date: CalendarDate): number {
  assertDate(date, 'epochDay');
  return toDayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The date `days` days after 1970-01-01 (inverse of {@link epochDay}); `RangeError` outside 0000–9999. */
export function dateFromEpochDay(days: number): CalendarDate {
  if (!Number.isSafeInteger(days) || days < MIN_DAY_NUMBER || days > MAX_DAY_NUMBER) {
    throw new RangeError(`dateFromEpochDay: out of range: ${days}`);
  }
  return fromDayNumber(days);
}

/** Orders two dates: −1 if `a` is earlier, 0 if the same day, 1 if later. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  assertDate(a, 'compareDates');
  assertDate(b, 'compareDates');
  return a < b ? -1 : a > b ? 1 : 0; // the fixed-width format sorts as text
}

/** The later of two dates (e.g. a rent's due date: the period's first day or the lease's start). */
export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** The date `days` days after `date` (before, if negative): `addDays('2020-02-28', 1)` is `'2020-02-29'`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays: not an integer number of days: ${days}`);
  return dateFromEpochDay(epochDay(date) + days);
}

/** Days from `from` to `to` (negative if `to` is earlier): `daysBetween('2018-01-01', '2018-12-31')` is 364. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

/** The month a date falls in: `monthOf('2018-07-15')` is `'2018-07'`. */
export function monthOf(date: CalendarDate): CalendarMonth {
  assertDate(date, 'monthOf');
  return date.slice(0, 7);
}

function monthParts(dateOrMonth: string, fn: string): [number, number] {
  if (isValidMonth(dateOrMonth) || isValidDate(dateOrMonth)) {
    return [Number(dateOrMonth.slice(0, 4)), Number(dateOrMonth.slice(5, 7))];
  }
  throw new RangeError(`${fn}: not a valid YYYY-MM month or YYYY-MM-DD date: ${String(dateOrMonth)}`);
}

/** First day of the month of a `'YYYY-MM'` month or `'YYYY-MM-DD'` date: `'2018-07'` → `'2018-07-01'`. */
export function firstDayOfMonth(dateOrMonth: string): CalendarDate {
  const [year, month] = monthParts(dateOrMonth, 'firstDayOfMonth');
  return formatDate(year, month, 1);
}

/** Last day of the month of a `'YYYY-MM'` month or `'YYYY-MM-DD'` date: `'2020-02'` → `'2020-02-29'`. */
export function lastDayOfMonth(dateOrMonth: string): CalendarDate {
  const [year, month] = monthParts(dateOrMonth, 'lastDayOfMonth');
  return formatDate(year, month, daysInMonth(year, month));
}

/** The month `months` months after a `'YYYY-MM'` month (before, if negative): `addMonths('2018-12', 1)` is `'2019-01'`. */
export function addMonths(month: CalendarMonth, months: number): CalendarMonth {
  if (!isValidMonth(month)) throw new RangeError(`addMonths: not a valid YYYY-MM month: ${String(month)}`);
  if (!Number.isSafeInteger(months)) throw new RangeError(`addMonths: not an integer: ${months}`);
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError(`addMonths: out of range: ${month} + ${months}`);
  return `${pad(year, 4)}-${pad(index - year * 12 + 1, 2)}`;
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:([Zz])|([-+])(\d{2})(?::?(\d{2}))?)$/;
const CHINA_OFFSET_MINUTES = 8 * 60;
const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Minutes since 1970-01-01T00:00Z of an ISO 8601 instant with offset, or `undefined` if it is not one. */
function instantMinutes(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m || !isValidDate(m[1])) return undefined;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (hour > 23 || minute > 59 || second > 60) return undefined; // 60: a leap second
  let offset = 0;
  if (m[5] === undefined) {
    const offsetHours = Number(m[7]);
    const offsetMinutes = m[8] === undefined ? 0 : Number(m[8]);
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offset = (m[6] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  }
  return epochDay(m[1]) * MINUTES_PER_DAY + hour * 60 + minute - offset;
}

/**
 * Whether `text` is an ISO 8601 instant with an offset, as the API takes for `asOf`:
 * `'2018-07-01T09:30:00+08:00'`, `'2018-07-01T01:30:00.123Z'` (offsets `Z`, `±HH:MM`, `±HHMM`, `±HH`).
 */
export function isIsoInstant(text: unknown): text is string {
  return typeof text === 'string' && instantMinutes(text) !== undefined;
}

/**
 * The date in China Standard Time (UTC+8) of an instant: what day it was for the clerk and the
 * household. `dateInChina('2018-06-30T16:00:00Z')` is `'2018-07-01'`.
 *
 * A string is parsed here with integer arithmetic (its own offset applied; no `Date.parse`). A `Date`
 * (e.g. a `timestamptz` read back from PostgreSQL) is read only through `getTime()`; the clock is never
 * consulted. Throws `RangeError` for anything else, an invalid `Date`, or a malformed instant.
 */
export function dateInChina(instant: string | Date): CalendarDate {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('dateInChina: invalid Date');
    return dateFromEpochDay(Math.floor((ms + CHINA_OFFSET_MINUTES * 60_000) / MS_PER_DAY));
  }
  const minutes = typeof instant === 'string' ? instantMinutes(instant) : undefined;
  if (minutes === undefined)
    throw new RangeError(`dateInChina: not an ISO 8601 instant with offset: ${String(instant)}`);
  return dateFromEpochDay(Math.floor((minutes + CHINA_OFFSET_MINUTES) / MINUTES_PER_DAY));
}
