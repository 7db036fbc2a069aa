import { parseQuantity, purchaseAmountFen } from './quantity';

describe('quantity', () => {
  it.each([
    [12.5, '12.5', 12500n],
    ['12.5', '12.5', 12500n],
    ['12.500', '12.5', 12500n],
    [3.333, '3.333', 3333n],
    ['007', '7', 7000n],
    [0.001, '0.001', 1n],
    ['999999999999.999', '999999999999.999', 999999999999999n],
    [999999999999.999, '999999999999.999', 999999999999999n],
  ])('reads %p as %p', (value, text, thousandths) => {
    expect(parseQuantity(value)).toEqual({ ok: true, text, thousandths });
  });

  it.each([
    0,
    '0',
    '0.000',
    -1,
    '-1',
    1.0005,
    '1.0005',
    '1e3',
    1e21,
    1e-7,
    NaN,
    Infinity,
    '',
    ' 1',
    '1.',
    '.5',
    '1,000',
    '1000000000000',
    true,
    null,
    {},
  ])('refuses %p', (value) => {
    expect(parseQuantity(value).ok).toBe(false);
  });

  it('multiplies exactly and rounds half-up to the fen', () => {
    expect(purchaseAmountFen('12.5', 380)).toBe(4750n);
    expect(purchaseAmountFen('3.333', 299)).toBe(997n); // 996.567
    expect(purchaseAmountFen('1.5', 3)).toBe(5n); // 4.5, a half rounds up
    expect(purchaseAmountFen('0.002', 250)).toBe(1n); // 0.5 fen
    expect(purchaseAmountFen('0.001', 499)).toBe(0n); // 0.499 fen
    expect(purchaseAmountFen('999999999999.999', Number.MAX_SAFE_INTEGER)).toBe(
      (999999999999999n * BigInt(Number.MAX_SAFE_INTEGER) + 500n) / 1000n,
    );
  });
});
