import { fraction, multiply, roundHalfUp } from '../primitives/fraction';

/**
 * A delivered quantity in the order's unit: positive, at most 12 digits before the point and 3 after
 * (to the gram for kilograms). The contract shows it as a JSON number, so a number is accepted when
 * its shortest decimal form has that shape (with at most 15 significant digits a JSON number always
 * reads back as exactly the digits written), and so is a decimal string. Either way it is kept as a
 * canonical decimal string and counted in thousandths as a `bigint`: no float ever multiplies money.
 */
export type QuantityParseResult =
  { readonly ok: true; readonly thousandths: bigint; readonly text: string } | { readonly ok: false };

const QUANTITY_TEXT = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

export function parseQuantity(value: unknown): QuantityParseResult {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false };
    text = String(value); // shortest round-trip form; exponent forms (1e-7, 1e+21) fail the pattern
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return { ok: false };
  }
  const m = QUANTITY_TEXT.exec(text);
  if (!m) return { ok: false };
  const decimals = m[2] ?? '';
  const thousandths = BigInt(m[1]) * 1000n + BigInt(decimals.padEnd(3, '0'));
  if (thousandths === 0n) return { ok: false };
  const whole = String(BigInt(m[1]));
  const fractional = decimals.replace(/0+$/, '');
  return { ok: true, thousandths, text: fractional === '' ? whole : `${whole}.${fractional}` };
}

/** quantity × price per unit, rounded half-up to the fen, exactly: `'12.5'` × 380 → 4750n, `'3.333'` × 299 → 997n. */
export function purchaseAmountFen(quantity: string, priceFen: number): bigint {
  const parsed = parseQuantity(quantity);
  if (!parsed.ok) throw new RangeError(`purchaseAmountFen: not a quantity: ${quantity}`);
  return roundHalfUp(multiply(fraction(parsed.thousandths, 1000n), BigInt(priceFen)));
}
