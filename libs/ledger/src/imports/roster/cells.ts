import { isLedgerDate, isLedgerMonth, isValidDate, isValidMonth, LEDGER_DATE_RANGE } from '../../primitives/calendar';
import { parseYuanToFen, type YuanParseReason } from '../../primitives/money';
import { isLedgerPeriod } from '../../primitives/period';
import { textProblem } from '../../primitives/text';

/**
 * One cell as a roster gives it: text from a CSV, or what a spreadsheet stored (a number, a date, a
 * boolean). Everything here is pure: it turns a clerk's writing into the ledger's canonical values,
 * with a message in both languages when it cannot.
 */
export type Cell = string | number | boolean | Date | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; en: string; zh: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (en: string, zh: string): Parsed<never> => ({ ok: false, en, zh });
/** A real date or month outside the ledger's world (1949-10-01 to 2100-12-31). */
const outside = (text: string): Parsed<never> =>
  bad(`${text} is outside ${LEDGER_DATE_RANGE}`, `${text} 不在 ${LEDGER_DATE_RANGE} 之内`);

function pad2(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** A spreadsheet date (a JS Date at UTC midnight, as the xlsx reader gives it) as YYYY-MM-DD. */
function utcDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The cell as text, as a clerk would read it: trimmed, full-width forms folded (NFKC). */
export function cellText(cell: Cell): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : utcDate(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.normalize('NFKC').trim();
}

/** The cell exactly as written (for error reports): trimmed only. */
export function cellAsWritten(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  return cellText(cell);
}

export const isBlank = (cell: Cell): boolean => cellText(cell) === '';

const YUAN_REASONS: Record<YuanParseReason, { en: string; zh: string }> = {
  EMPTY: { en: 'the amount is missing', zh: '金额未填写' },
  NOT_A_NUMBER: {
    en: 'not an amount in yuan (write e.g. 2000 or 2,000.50)',
    zh: '不是有效的金额（应写作 2000 或 2,000.50）',
  },
  NEGATIVE: { en: 'an amount cannot be negative', zh: '金额不能为负数' },
  EXPONENT: {
    en: 'written in exponent notation; format the cell as a number with two decimals',
    zh: '金额为科学计数法，请将单元格设为保留两位小数的数值',
  },
  TOO_MANY_DECIMALS: { en: 'more than two decimals (finer than a fen)', zh: '小数超过两位（不足一分）' },
  BAD_GROUPING: { en: 'thousands separators in the wrong places', zh: '千分位逗号位置不对' },
  ZERO: { en: 'the amount must be at least 0.01 yuan', zh: '金额不能为零' },
  TOO_LARGE: { en: 'the amount is too large', zh: '金额过大' },
};

/** Yuan with at most two decimals, to fen, by string arithmetic only (`parseYuanToFen`). */
export function parseAmountCell(cell: Cell): Parsed<number> {
  // A spreadsheet number prints as the shortest text that reads back as the same number: what was typed.
  const text = typeof cell === 'number' ? String(cell) : cellText(cell);
  const result = parseYuanToFen(text);
  if (result.ok) return ok(result.fen);
  const reason = YUAN_REASONS[result.reason];
  return bad(reason.en, reason.zh);
}

const DATE_FORMS = [
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  // what a spreadsheet's text export of a date-time gives
  /^(\d{4})-(\d{2})-(\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
];

/** A calendar date: 2018-07-28, 2018/7/28, 2018.7.28, 2018年7月28日, 20180728, or a spreadsheet date. */
export function parseDateCell(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('not a date', '不是有效日期');
    const date = utcDate(cell);
    return isLedgerDate(date) ? ok(date) : outside(date);
  }
  const text = cellText(cell);
  if (text === '') return bad('the date is missing', '日期未填写');
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const date = `${m[1]}-${pad2(m[2])}-${pad2(m[3])}`;
    if (isLedgerDate(date)) return ok(date);
    if (isValidDate(date)) return outside(text);
    return bad(`${text} is not a real date`, `${text} 不是实际存在的日期`);
  }
  return bad('not a date; write YYYY-MM-DD, e.g. 2018-07-28', '不是有效日期，应写作 2018-07-28');
}

const MONTH_FORMS = [/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/, /^(\d{4})(\d{2})$/];

/** A calendar month: 2018-07, 2018/7, 2018年7月, 201807, or a spreadsheet date (its month). */
export function parseMonthCell(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('not a month', '不是有效月份');
    const month = utcDate(cell).slice(0, 7);
    return isLedgerMonth(month) ? ok(month) : outside(month);
  }
  const text = cellText(cell);
  if (text === '') return bad('the month is missing', '月份未填写');
  for (const form of MONTH_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const month = `${m[1]}-${pad2(m[2])}`;
    if (isLedgerMonth(month)) return ok(month);
    if (isValidMonth(month)) return outside(text);
    return bad(`${text} is not a month`, `${text} 不是有效月份`);
  }
  return bad('not a month; write YYYY-MM, e.g. 2018-07', '不是有效月份，应写作 2018-07');
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * A period of the contract (2018, 2018-H1, 2018-Q3, 2018-07), also as clerks write it: 2018年,
 * 2018年上半年, 2018年第三季度, 2018Q3, 2018年7月.
 */
export function parsePeriodCell(cell: Cell): Parsed<string> {
  if (cell instanceof Date) return parseMonthCell(cell);
  const text = cellText(cell);
  if (text === '') return bad('the period is missing', '期间未填写');
  let canonical: string | undefined;
  const compact = text.replace(/\s+/g, '').toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})年?(?:度|全年)?$/.exec(compact))) canonical = m[1];
  else if ((m = /^(\d{4})[-年]?(上|下)半年$/.exec(compact))) canonical = `${m[1]}-H${m[2] === '上' ? 1 : 2}`;
  else if ((m = /^(\d{4})-?H([12])$/.exec(compact))) canonical = `${m[1]}-H${m[2]}`;
  else if ((m = /^(\d{4})-?Q([1-4])$/.exec(compact))) canonical = `${m[1]}-Q${m[2]}`;
  else if ((m = /^(\d{4})年?第?([1-4一二三四])季度?$/.exec(compact)))
    canonical = `${m[1]}-Q${CHINESE_DIGITS[m[2]] ?? Number(m[2])}`;
  else {
    const month = parseMonthCell(text);
    if (month.ok) canonical = month.value;
  }
  if (canonical !== undefined && isLedgerPeriod(canonical)) return ok(canonical);
  return bad(
    'not a period; write 2018, 2018-H1, 2018-Q3 or 2018-07',
    '不是有效期间，应写作 2018、2018-H1（上半年）、2018-Q3（第三季度）或 2018-07',
  );
}

/** A whole number from `min` to `max` (days worked, people in a household). */
export function parseCountCell(cell: Cell, min: number, max: number): Parsed<number> {
  const text = cellText(cell);
  if (text === '') return bad('missing', '未填写');
  const m = /^(\d{1,6})(?:\.0+)?$/.exec(text.replace(/[天人日]$/, ''));
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    return bad(`must be a whole number from ${min} to ${max}`, `应为 ${min} 到 ${max} 之间的整数`);
  }
  return ok(n);
}

const YES = new Set(['是', '补发', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', '', 'N', 'NO', 'FALSE', '0', '×']);

/** Yes or no: 是/否, Y/N, yes/no, true/false, 1/0; blank is no. */
export function parseYesNoCell(cell: Cell): Parsed<boolean> {
  const text = cellText(cell).toUpperCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad('write 是 (yes) or 否 (no)', '应填写“是”或“否”');
}

/** Text of at most `max` characters; required unless `optional`. */
export function parseTextCell(cell: Cell, max: number): Parsed<string> {
  const text = cellText(cell);
  if (text === '') return bad('missing', '未填写');
  if (text.length > max) return bad(`longer than ${max} characters`, `超过 ${max} 个字符`);
  const problem = textProblem(text);
  return problem ? bad(problem.en, problem.zh) : ok(text);
}

/** One of a few words (Chinese or English, case and full-width forms ignored) standing for a value. */
export function parseWordCell<T>(
  cell: Cell,
  words: Readonly<Record<string, T>>,
  expected: { en: string; zh: string },
): Parsed<T> {
  const text = cellText(cell).replace(/\s+/g, '').toLowerCase();
  if (text === '') return bad('missing', '未填写');
  const value = Object.prototype.hasOwnProperty.call(words, text) ? words[text] : undefined;
  return value === undefined ? bad(`write ${expected.en}`, `应填写${expected.zh}`) : ok(value);
}

/**
 * A yearly rate in per cent with at most two decimals, as basis points: `4.35`, `4.35%` and `4.35 %`
 * are 435. A spreadsheet cell formatted as a percentage stores the fraction (0.0435): a number below
 * 1 is read so. String arithmetic only: `4.35` must not become 434.99999.
 */
export function parseRateCell(cell: Cell): Parsed<number> {
  const message = bad(
    'not a rate in per cent with at most two decimals (write e.g. 4.35 or 4.35%)',
    '不是有效的利率（应写作 4.35 或 4.35%，最多两位小数）',
  );
  if (typeof cell === 'number' && cell > 0 && cell < 1) {
    const bp = Math.round(cell * 10_000);
    return Math.abs(bp - cell * 10_000) < 1e-6 && bp >= 1 ? ok(bp) : message;
  }
  const text = cellText(cell).replace(/\s*%$/, '');
  if (text === '') return bad('missing', '未填写');
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return message;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10_000 ? ok(bp) : bad('must be above 0 and at most 100 %', '利率须大于 0 且不超过 100%');
}

/** Yuan with at most two decimals where 0 is allowed (a repayment of interest only): blank is 0 too. */
export function parseAmountOrZeroCell(cell: Cell): Parsed<number> {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell);
  if (text === '' || /^0+(?:\.0{1,2})?$/.test(text)) return ok(0);
  return parseAmountCell(cell);
}
