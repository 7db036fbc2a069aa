/**
 * Money in the ledger: an integer number of fen (分, 1/100 yuan), never a float.
 *
 * Every amount a household is promised or paid (a dividend, a rent, a wage, a purchase) is a `Fen`:
 * a JS `number` that is always a safe integer. Products that could exceed 2^53 (area × rent × share)
 * are computed in `bigint` elsewhere and come back here only once rounded to the fen.
 */

/**
 * An amount of money in fen (分). Always a safe integer, never below 0; 200000 is 2,000.00 yuan.
 * The API documents every field of this type as an integer of at least 0 (the tags below are read
 * by ts-json-schema-generator, `npm run openapi`).
 *
 * @asType integer
 * @minimum 0
 */
export type Fen = number;

/**
 * A difference of amounts in fen (income − distributed, received − disbursed): a safe integer that
 * can be below 0. Documented as an integer.
 *
 * @asType integer
 */
export type SignedFen = number;

/** The largest amount the ledger accepts: 2^53 − 1 fen, the API's upper bound for every `...Fen` field. */
export const MAX_FEN: Fen = Number.MAX_SAFE_INTEGER;

/** Options for {@link isFen} and {@link parseYuanToFen}. */
export interface FenOptions {
  /** Accept 0 as well (only fields that say so, e.g. a guaranteed dividend of nothing). Default `false`. */
  readonly allowZero?: boolean;
}

/**
 * Whether `x` is an amount the ledger accepts: a safe integer from 1 to 2^53 − 1 fen, or from 0 with
 * `allowZero`. Rejects negatives, fractions of a fen, NaN, infinities, bigints and strings.
 */
export function isFen(x: unknown, options: FenOptions = {}): x is Fen {
  if (typeof x !== 'number' || !Number.isSafeInteger(x)) return false;
  return options.allowZero ? x >= 0 : x >= 1;
}

function assertSafeInteger(fen: number, what: string): void {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw new RangeError(`${what}: not an integer number of fen: ${String(fen)}`);
  }
}

/** Splits |fen| into whole yuan and the remaining fen, exactly (no float division). */
function yuanParts(fen: Fen): { sign: string; yuan: string; cents: string } {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100; // exact: a multiple of 100 divided by 100
  return { sign: fen < 0 ? '-' : '', yuan: String(yuan), cents: String(cents).padStart(2, '0') };
}

/**
 * Yuan as people read it on statements, clarity cards and the console: thousands separators and two
 * decimals, e.g. `686429` → `'6,864.29'`, `-5` → `'-0.05'`. Throws `RangeError` unless `fen` is a safe integer.
 */
export function formatYuan(fen: Fen): string {
  assertSafeInteger(fen, 'formatYuan');
  const { sign, yuan, cents } = yuanParts(fen);
  return `${sign}${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/**
 * Yuan as a plain decimal for CSV `...Yuan` columns: no separators, two decimals, e.g. `686429` →
 * `'6864.29'`. Throws `RangeError` unless `fen` is a safe integer.
 */
export function plainYuan(fen: Fen): string {
  assertSafeInteger(fen, 'plainYuan');
  const { sign, yuan, cents } = yuanParts(fen);
  return `${sign}${yuan}.${cents}`;
}

/**
 * Why a roster amount was refused, as a stable code callers translate for the clerk:
 * - `EMPTY`: nothing written;
 * - `NOT_A_NUMBER`: not a decimal amount (letters, `+`, `.5`, `2000.`, spaces inside…);
 * - `NEGATIVE`: a minus sign;
 * - `EXPONENT`: exponent notation such as `2E3` (what a spreadsheet shows for large numbers);
 * - `TOO_MANY_DECIMALS`: more than two decimals (finer than a fen);
 * - `BAD_GROUPING`: thousands separators not in groups of three (`20,00`);
 * - `ZERO`: zero where an amount of at least one fen is required;
 * - `TOO_LARGE`: more than 2^53 − 1 fen.
 */
export type YuanParseReason =
  'EMPTY' | 'NOT_A_NUMBER' | 'NEGATIVE' | 'EXPONENT' | 'TOO_MANY_DECIMALS' | 'BAD_GROUPING' | 'ZERO' | 'TOO_LARGE';

/** Outcome of {@link parseYuanToFen}. */
export type YuanParseResult =
  { readonly ok: true; readonly fen: Fen } | { readonly ok: false; readonly reason: YuanParseReason };

const MINUS = /^[-\u2212]/; // ASCII hyphen-minus and the Unicode minus sign (full-width '－' becomes '-' under NFKC)
const EXPONENT = /^(?:\d[\d,]*(?:\.\d*)?|\.\d+)[eE][-+]?\d+$/;
const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Reads an amount in yuan as clerks write it in wage, dividend and rent rosters, and returns it in fen,
 * by string and integer arithmetic only (never `parseFloat`).
 *
 * Accepts `'2000'`, `'2,000.5'`, `'2000.50'`, `' 1999.99 '`, `'¥2000'`, `'￥2,000'`, `'2000元'`, and
 * full-width digits (the text is NFKC-normalised first). Refuses negatives, exponent notation, more than
 * two decimals, malformed thousands separators, zero (unless `allowZero`) and more than 2^53 − 1 fen;
 * see {@link YuanParseReason}.
 */
export function parseYuanToFen(text: unknown, options: FenOptions = {}): YuanParseResult {
  if (typeof text !== 'string') return { ok: false, reason: 'NOT_A_NUMBER' };
  let s = text.normalize('NFKC').trim();
  if (s === '') return { ok: false, reason: 'EMPTY' };

  let negative = false;
  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  if (s.startsWith('¥')) s = s.slice(1).trimStart();
  if (!negative && MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trimStart();
  }
  if (s.endsWith('元')) s = s.slice(0, -1).trimEnd();

  if (EXPONENT.test(s)) return { ok: false, reason: 'EXPONENT' };

  let match = PLAIN.exec(s);
  if (!match && s.includes(',')) {
    match = GROUPED.exec(s);
    if (!match) {
      return /^[\d,]+(?:\.\d+)?$/.test(s)
        ? { ok: false, reason: 'BAD_GROUPING' }
        : { ok: false, reason: 'NOT_A_NUMBER' };
    }
  }
  if (!match) return { ok: false, reason: 'NOT_A_NUMBER' };
  if (negative) return { ok: false, reason: 'NEGATIVE' };

  const whole = match[1].replace(/,/g, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'TOO_MANY_DECIMALS' };

  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(MAX_FEN)) return { ok: false, reason: 'TOO_LARGE' };
  if (fen === 0n && !options.allowZero) return { ok: false, reason: 'ZERO' };
  return { ok: true, fen: Number(fen) };
}
