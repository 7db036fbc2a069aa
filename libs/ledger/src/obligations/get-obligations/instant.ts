import { epochDay } from '../../primitives/calendar';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([-+])(\d{2})(?::?(\d{2}))?)$/;

/**
 * An ISO 8601 instant with offset, as the API accepts it (`isIsoInstant`: offsets `Z`, `±HH:MM`,
 * `±HHMM`, `±HH`; a leap second `:60`), rewritten as PostgreSQL reads every time:
 * `2018-07-01T01:30:00.000Z`, to the millisecond (the precision `recorded_at` is kept at; finer
 * digits are dropped, a leap second counts as the minute's end).
 */
export function canonicalInstant(text: string): string {
  const m = INSTANT.exec(text);
  if (!m) throw new RangeError(`canonicalInstant: not an ISO 8601 instant with offset: ${text}`);
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = m;
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes ?? '0'));
  const seconds = Math.min(Number(second), 59);
  const millis = Number(second) === 60 ? 999 : Number(fraction.padEnd(3, '0').slice(0, 3));
  const minutes = epochDay(`${year}-${month}-${day}`) * 1440 + Number(hour) * 60 + Number(minute) - offset;
  return new Date(minutes * 60_000 + seconds * 1000 + millis).toISOString();
}
