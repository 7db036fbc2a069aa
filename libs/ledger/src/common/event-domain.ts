import { isLedgerDate } from '../primitives/calendar';
import { isLedgerPeriod } from '../primitives/period';
import { MAX_TEXT_LENGTH, textProblem } from '../primitives/text';

/**
 * The last line of the input domain, on the write side: an event whose data a projection could not
 * apply must never be appended, since the log cannot be corrected by editing it. The HTTP layer,
 * roster rows and CLI arguments already refuse such values (http/validators.ts, imports/roster/cells.ts);
 * this catches any value that reached a command another way. By the events' own naming: a field
 * ending in `On` or named `recordDate` is a date of the ledger's world, `period` a period, every
 * string is text PostgreSQL's `jsonb` can hold, every number finite.
 */
export function eventDataProblem(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path}: not a finite number`;
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_LENGTH * 4) return `${path}: text too long`;
    const problem = textProblem(value, { lineBreaks: true });
    return problem ? `${path}: ${problem.en}` : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = eventDataProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if ((key.endsWith('On') || key === 'recordDate') && typeof field === 'string' && !isLedgerDate(field)) {
      return `${at}: ${String(field)} is not a date from 1949-10-01 to 2100-12-31`;
    }
    if (key === 'period' && typeof field === 'string' && !isLedgerPeriod(field)) {
      return `${at}: ${String(field)} is not a period from 1949 to 2100`;
    }
    const problem = eventDataProblem(field, at);
    if (problem) return problem;
  }
  return undefined;
}
