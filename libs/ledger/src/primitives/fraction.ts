/**
 * Exact rational numbers for the shares the ledger multiplies money by: a period's share of a year
 * (`1`, `1/2`, `1/4`, `1/12`, or `9/12` = `3/4` for a partly covered year), a stake's share of a pool.
 * Arithmetic is in `bigint`, so area × rent × share never loses a fen before the final rounding.
 */

/** A rational number `num/den`, always normalised: `den > 0`, no common factor, zero is `0/1`. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function toBigInt(n: bigint | number, what: string): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`fraction: ${what} is not a safe integer: ${n}`);
  return BigInt(n);
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds the normalised fraction `num/den` (`fraction(9, 12)` is 3/4); `RangeError` if `den` is 0. */
export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = toBigInt(num, 'numerator');
  let d = toBigInt(den, 'denominator');
  if (d === 0n) throw new RangeError('fraction: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** Why a fraction text was refused: `MALFORMED` (not `n` or `n/d` in digits) or `ZERO_DENOMINATOR`. */
export type FractionParseReason = 'MALFORMED' | 'ZERO_DENOMINATOR';

/** Outcome of {@link parseFraction}. */
export type FractionParseResult =
  { readonly ok: true; readonly fraction: Fraction } | { readonly ok: false; readonly reason: FractionParseReason };

const FRACTION_TEXT = /^(-?\d+)(?:\/(\d+))?$/;

/**
 * Reads a share as the API writes it (`periodShare: "1/2"`): `'1'`, `'1/2'`, `'1/12'`, `'-3/4'`.
 * Non-normalised input such as `'6/12'` is accepted and normalised to 1/2.
 */
export function parseFraction(text: unknown): FractionParseResult {
  if (typeof text !== 'string') return { ok: false, reason: 'MALFORMED' };
  const m = FRACTION_TEXT.exec(text);
  if (!m) return { ok: false, reason: 'MALFORMED' };
  const den = m[2] === undefined ? 1n : BigInt(m[2]);
  if (den === 0n) return { ok: false, reason: 'ZERO_DENOMINATOR' };
  return { ok: true, fraction: fraction(BigInt(m[1]), den) };
}

/** Writes a share as the API shows it: `'1'`, `'1/2'`, `'1/12'`, `'3/4'` (whole numbers without `/1`). */
export function formatFraction(f: Fraction): string {
  const { num, den } = fraction(f.num, f.den);
  return den === 1n ? String(num) : `${num}/${den}`;
}

function asFraction(x: Fraction | bigint | number): Fraction {
  return typeof x === 'object' ? x : fraction(x);
}

/** The product `a × b` (e.g. a period's share of a year × a yearly amount), normalised. */
export function multiply(a: Fraction, b: Fraction | bigint | number): Fraction {
  const c = asFraction(b);
  return fraction(a.num * c.num, a.den * c.den);
}

/** The sum `a + b` (e.g. the shares of every due of a lease), normalised. */
export function add(a: Fraction, b: Fraction | bigint | number): Fraction {
  const c = asFraction(b);
  return fraction(a.num * c.den + c.num * a.den, a.den * c.den);
}

/** Orders two fractions: −1 if `a < b`, 0 if equal, 1 if `a > b`. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const x = fraction(a.num, a.den);
  const y = fraction(b.num, b.den);
  const left = x.num * y.den;
  const right = y.num * x.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Rounds to the nearest integer, halves up: how an amount in fractions of a fen becomes a fen
 * (`44332.89` → 44333, `16666.5` → 16667). Negative halves round away from zero (`-2.5` → −3), so
 * rounding commutes with sign.
 */
export function roundHalfUp(f: Fraction): bigint {
  const { num, den } = fraction(f.num, f.den);
  if (num < 0n) return -((-num * 2n + den) / (den * 2n));
  return (num * 2n + den) / (den * 2n);
}
