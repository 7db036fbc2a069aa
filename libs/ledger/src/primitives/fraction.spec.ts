import fc from 'fast-check';
import { add, compareFractions, formatFraction, fraction, multiply, parseFraction, roundHalfUp } from './fraction';

describe('fraction', () => {
  it('normalises', () => {
    expect(fraction(9, 12)).toEqual({ num: 3n, den: 4n });
    expect(fraction(6n, 12n)).toEqual({ num: 1n, den: 2n });
    expect(fraction(3, -6)).toEqual({ num: -1n, den: 2n });
    expect(fraction(0, 7)).toEqual({ num: 0n, den: 1n });
    expect(fraction(5)).toEqual({ num: 5n, den: 1n });
    expect(() => fraction(1, 0)).toThrow(RangeError);
    expect(() => fraction(0.5, 1)).toThrow(RangeError);
  });

  it('parses and formats the API share texts', () => {
    for (const text of ['1', '1/2', '1/4', '1/12', '3/4', '0', '-1/3']) {
      const parsed = parseFraction(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(formatFraction(parsed.fraction)).toBe(text);
    }
    expect(parseFraction('1/2')).toEqual({ ok: true, fraction: { num: 1n, den: 2n } });
    expect(parseFraction('6/12')).toEqual({ ok: true, fraction: { num: 1n, den: 2n } });
    expect(parseFraction('12/12')).toEqual({ ok: true, fraction: { num: 1n, den: 1n } });
    expect(formatFraction(fraction(9, 12))).toBe('3/4');
    expect(formatFraction(fraction(12, 12))).toBe('1');
  });

  it.each([
    ['1/0', 'ZERO_DENOMINATOR'],
    ['', 'MALFORMED'],
    ['1/', 'MALFORMED'],
    ['/2', 'MALFORMED'],
    ['0.5', 'MALFORMED'],
    ['1 / 2', 'MALFORMED'],
    ['1/-2', 'MALFORMED'],
    ['half', 'MALFORMED'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseFraction(text)).toEqual({ ok: false, reason });
  });

  it('multiplies, adds and compares exactly', () => {
    expect(multiply(fraction(1, 2), fraction(1, 6))).toEqual({ num: 1n, den: 12n });
    expect(multiply(fraction(3, 4), 400000n)).toEqual({ num: 300000n, den: 1n });
    expect(multiply(fraction(1, 12), 100)).toEqual({ num: 25n, den: 3n });
    expect(add(fraction(1, 4), fraction(1, 12))).toEqual({ num: 1n, den: 3n });
    expect(add(fraction(1, 2), 1)).toEqual({ num: 3n, den: 2n });
    expect(compareFractions(fraction(1, 3), fraction(1, 4))).toBe(1);
    expect(compareFractions(fraction(2, 8), fraction(1, 4))).toBe(0);
    expect(compareFractions(fraction(-1, 2), fraction(1, 4))).toBe(-1);
  });

  it('rounds half up to an integer', () => {
    expect(roundHalfUp(fraction(4433289, 100))).toBe(44333n); // 44332.89
    expect(roundHalfUp(fraction(33333, 2))).toBe(16667n); // 16666.5
    expect(roundHalfUp(fraction(26599734, 1200))).toBe(22166n); // 22166.445
    expect(roundHalfUp(fraction(1, 2))).toBe(1n);
    expect(roundHalfUp(fraction(49, 100))).toBe(0n);
    expect(roundHalfUp(fraction(7))).toBe(7n);
    expect(roundHalfUp(fraction(-5, 2))).toBe(-3n);
    expect(roundHalfUp(fraction(-12, 10))).toBe(-1n);
    expect(roundHalfUp(fraction(10n ** 30n + 1n, 2n))).toBe(5n * 10n ** 29n + 1n);
  });

  const anyFraction = fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
    .map(([n, d]) => fraction(n, d));

  it('round-trips through text and stays normalised (property)', () => {
    fc.assert(
      fc.property(anyFraction, (f) => {
        expect(f.den > 0n).toBe(true);
        expect(parseFraction(formatFraction(f))).toEqual({ ok: true, fraction: f });
        expect(multiply(f, 1)).toEqual(f);
        expect(add(f, fraction(0))).toEqual(f);
      }),
    );
  });

  it('rounds to the nearest integer, halves away from zero (property)', () => {
    fc.assert(
      fc.property(anyFraction, (f) => {
        const r = roundHalfUp(f);
        // |f − r| ≤ 1/2, i.e. |2·num − 2·r·den| ≤ den
        const diff = 2n * f.num - 2n * r * f.den;
        expect(diff <= f.den && diff >= -f.den).toBe(true);
        if (diff === f.den) expect(f.num < 0n).toBe(true); // f = r + 1/2 only when negative (away from zero)
        if (diff === -f.den) expect(f.num > 0n).toBe(true); // f = r − 1/2 only when positive
        expect(roundHalfUp(fraction(-f.num, f.den))).toBe(-r);
      }),
    );
  });
});
