import { addDays, type CalendarDate } from '../primitives/calendar';

/**
 * The rules a public notice (公示) follows that need no ledger: how a household is shown on a notice
 * posted on the village wall (masked), and whether the notice is open on a given China-time date.
 */

/** The shortest window a notice may run: `opensOn` through `closesOn`, both included. */
export const NOTICE_MIN_DAYS = 7;

export type NoticeStatus = 'upcoming' | 'open' | 'closed';

/**
 * A head's name as a notice shows it: the first and last characters, one `*` for each between
 * (`张三明` → `张*明`); two characters keep the first (`李四` → `李*`); one is shown as `*`.
 * Counted in characters, not UTF-16 units, so a name with a rare character (𠀋) masks right.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A registration number keeping its last 4 digits, every other digit `*` (other characters kept). */
export function maskRegistrationNo(registrationNo: string): string {
  const chars = Array.from(registrationNo);
  let digitsSeen = 0;
  const totalDigits = chars.filter((c) => /\d/.test(c)).length;
  return chars
    .map((c) => {
      if (!/\d/.test(c)) return c;
      digitsSeen += 1;
      return digitsSeen > totalDigits - 4 ? c : '*';
    })
    .join('');
}

/** Whether a window is long enough: `closesOn` on or after `opensOn` + 6 days. */
export function windowIsLongEnough(opensOn: CalendarDate, closesOn: CalendarDate): boolean {
  return closesOn >= addDays(opensOn, NOTICE_MIN_DAYS - 1);
}

/** A notice's status on a China-time date: upcoming before `opensOn`, open through `closesOn`. */
export function noticeStatus(
  window: { opensOn: CalendarDate; closesOn: CalendarDate },
  today: CalendarDate,
): NoticeStatus {
  if (today < window.opensOn) return 'upcoming';
  return today <= window.closesOn ? 'open' : 'closed';
}
