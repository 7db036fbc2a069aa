import fc from 'fast-check';
import { formatYuan, isFen, MAX_FEN, parseYuanToFen, plainYuan } from './money';

describe('isFen', () => {
  it('accepts 1..2^53-1 and, with allowZero, 0', () => {
    expect(isFen(1)).toBe(true);
    expect(isFen(200000)).toBe(true);
    expect(isFen(MAX_FEN)).toBe(true);
    expect(isFen(0)).toBe(false);
    expect(isFen(0, { allowZero: true })).toBe(true);
  });

  it('rejects negatives, fractions of a fen, unsafe integers and non-numbers', () => {
    expect(isFen(-1)).toBe(false);
    expect(isFen(-1, { allowZero: true })).toBe(false);
    expect(isFen(1.5)).toBe(false);
    expect(isFen(MAX_FEN + 1)).toBe(false);
    expect(isFen(Number.NaN)).toBe(false);
    expect(isFen(Number.POSITIVE_INFINITY)).toBe(false);
    expect(isFen('100')).toBe(false);
    expect(isFen(100n)).toBe(false);
    expect(isFen(null)).toBe(false);
  });
});

describe('formatYuan / plainYuan', () => {
  it.each([
    [686429, '6,864.29', '6864.29'],
    [200000, '2,000.00', '2000.00'],
    [0, '0.00', '0.00'],
    [5, '0.05', '0.05'],
    [100, '1.00', '1.00'],
    [99999, '999.99', '999.99'],
    [100000, '1,000.00', '1000.00'],
    [123456789012, '1,234,567,890.12', '1234567890.12'],
    [-686429, '-6,864.29', '-6864.29'],
    [-5, '-0.05', '-0.05'],
    [MAX_FEN, '90,071,992,547,409.91', '90071992547409.91'],
  ])('%d fen → %s / %s', (fen, formatted, plain) => {
    expect(formatYuan(fen)).toBe(formatted);
    expect(plainYuan(fen)).toBe(plain);
  });

  it('refuses non-integers', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => plainYuan(Number.NaN)).toThrow(RangeError);
    expect(() => formatYuan(MAX_FEN + 1)).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['2000', 200000],
    ['2,000.5', 200050],
    ['2000.50', 200050],
    ['2000.5', 200050],
    [' 1999.99 ', 199999],
    ['¥2000', 200000],
    ['￥2,000.00', 200000],
    ['¥ 2000', 200000],
    ['2000元', 200000],
    ['2000 元', 200000],
    ['２０００．５０', 200050], // full-width, as typed with a Chinese input method
    ['0.01', 1],
    ['1,234,567.89', 123456789],
    ['0002000', 200000],
    ['90071992547409.91', MAX_FEN],
    ['90,071,992,547,409.91', MAX_FEN],
  ])('%j → %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['2000.555', 'TOO_MANY_DECIMALS'],
    ['2000.500', 'TOO_MANY_DECIMALS'],
    ['-2000', 'NEGATIVE'],
    ['−2000', 'NEGATIVE'],
    ['-¥2000', 'NEGATIVE'],
    ['¥-2000', 'NEGATIVE'],
    ['2e3', 'EXPONENT'],
    ['2.5E+3', 'EXPONENT'],
    ['1E-2', 'EXPONENT'],
    ['abc', 'NOT_A_NUMBER'],
    ['e5', 'NOT_A_NUMBER'],
    ['¥', 'NOT_A_NUMBER'],
    ['+2000', 'NOT_A_NUMBER'],
    ['.5', 'NOT_A_NUMBER'],
    ['2000.', 'NOT_A_NUMBER'],
    ['2 000', 'NOT_A_NUMBER'],
    ['2000.5.5', 'NOT_A_NUMBER'],
    ['二千', 'NOT_A_NUMBER'],
    ['NaN', 'NOT_A_NUMBER'],
    ['Infinity', 'NOT_A_NUMBER'],
    ['0x10', 'NOT_A_NUMBER'],
    ['20,00', 'BAD_GROUPING'],
    ['2,0000', 'BAD_GROUPING'],
    [',2000', 'BAD_GROUPING'],
    ['0', 'ZERO'],
    ['0.00', 'ZERO'],
    ['90071992547409.92', 'TOO_LARGE'],
    ['100000000000000000000', 'TOO_LARGE'],
  ])('%j → %s', (text, reason) => {
    expect(parseYuanToFen(text)).toEqual({ ok: false, reason });
  });

  it('accepts zero only with allowZero', () => {
    expect(parseYuanToFen('0', { allowZero: true })).toEqual({ ok: true, fen: 0 });
    expect(parseYuanToFen('0.00元', { allowZero: true })).toEqual({ ok: true, fen: 0 });
  });

  it('refuses what is not a string', () => {
    expect(parseYuanToFen(2000)).toEqual({ ok: false, reason: 'NOT_A_NUMBER' });
    expect(parseYuanToFen(undefined)).toEqual({ ok: false, reason: 'NOT_A_NUMBER' });
  });

  it('reads back every amount it formats (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), (fen) => {
        expect(parseYuanToFen(formatYuan(fen))).toEqual({ ok: true, fen });
        expect(parseYuanToFen(plainYuan(fen))).toEqual({ ok: true, fen });
      }),
    );
  });

  it('agrees with integer arithmetic on random yuan.fen texts (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        const fen = yuan * 100n + BigInt(cents);
        const result = parseYuanToFen(text, { allowZero: true });
        if (fen > BigInt(MAX_FEN)) expect(result).toEqual({ ok: false, reason: 'TOO_LARGE' });
        else expect(result).toEqual({ ok: true, fen: Number(fen) });
      }),
    );
  });
});
