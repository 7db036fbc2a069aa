import fc from 'fast-check';
import { allocateLargestRemainder, type AllocationClaim } from './allocation';
import { MAX_FEN } from './money';

describe('allocateLargestRemainder: worked examples', () => {
  it('100 fen over 3 equal claims → 34/33/33, the extra fen to the smallest key', () => {
    expect(
      allocateLargestRemainder(100, [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 1 },
        { key: 'c', weight: 1 },
      ]),
    ).toEqual([
      { key: 'a', amountFen: 34 },
      { key: 'b', amountFen: 33 },
      { key: 'c', amountFen: 33 },
    ]);
  });

  it("keeps the claims' order while breaking ties by key", () => {
    expect(
      allocateLargestRemainder(200, [
        { key: 'stake-c', weight: 1n },
        { key: 'stake-a', weight: 1n },
        { key: 'stake-b', weight: 1n },
      ]),
    ).toEqual([
      { key: 'stake-c', amountFen: 66 },
      { key: 'stake-a', amountFen: 67 },
      { key: 'stake-b', amountFen: 67 },
    ]);
  });

  it('compares keys as plain strings, not numbers or locale', () => {
    expect(
      allocateLargestRemainder(1, [
        { key: '10', weight: 1 },
        { key: '9', weight: 1 },
      ]),
    ).toEqual([
      { key: '10', amountFen: 1 },
      { key: '9', amountFen: 0 },
    ]);
    expect(
      allocateLargestRemainder(1, [
        { key: 'b', weight: 1 },
        { key: 'B', weight: 1 },
      ]),
    ).toEqual([
      { key: 'b', amountFen: 0 },
      { key: 'B', amountFen: 1 },
    ]);
  });

  it('gives the leftover fen to the largest remainders before looking at keys', () => {
    // 1,000 fen over shares 5/3/2 (Σ10): exact 500, 300, 200 — no remainder.
    expect(
      allocateLargestRemainder(1000, [
        { key: 'a', weight: 5 },
        { key: 'b', weight: 3 },
        { key: 'c', weight: 2 },
      ]).map((a) => a.amountFen),
    ).toEqual([500, 300, 200]);
    // 10 fen over shares 1/2/4 (Σ7): exact 1.43, 2.86, 5.71 → floors 1, 2, 5 (8), two fen left to
    // the remainders .86 (b) and .71 (c), not to the smallest key a.
    expect(
      allocateLargestRemainder(10, [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 2 },
        { key: 'c', weight: 4 },
      ]).map((a) => a.amountFen),
    ).toEqual([1, 3, 6]);
  });

  it('splits an orchard dividend pool over household stakes by shares', () => {
    // 5,000,000 fen (50,000 yuan) over stakes of 30, 20 and 17 shares (Σ67).
    const result = allocateLargestRemainder(5_000_000, [
      { key: 'stk-1', weight: 30 },
      { key: 'stk-2', weight: 20 },
      { key: 'stk-3', weight: 17 },
    ]);
    // exact: 2,238,805.97 / 1,492,537.31 / 1,268,656.71 → floors sum 4,999,998; +1 to .97 and .71
    expect(result).toEqual([
      { key: 'stk-1', amountFen: 2_238_806 },
      { key: 'stk-2', amountFen: 1_492_537 },
      { key: 'stk-3', amountFen: 1_268_657 },
    ]);
  });

  it('gives nothing to a zero weight and handles a zero total', () => {
    expect(
      allocateLargestRemainder(7, [
        { key: 'a', weight: 0 },
        { key: 'b', weight: 2 },
        { key: 'c', weight: 2 },
      ]),
    ).toEqual([
      { key: 'a', amountFen: 0 },
      { key: 'b', amountFen: 4 },
      { key: 'c', amountFen: 3 },
    ]);
    expect(allocateLargestRemainder(0, [{ key: 'a', weight: 3 }])).toEqual([{ key: 'a', amountFen: 0 }]);
  });

  it('handles the largest total with huge bigint weights without losing a fen', () => {
    const result = allocateLargestRemainder(MAX_FEN, [
      { key: 'a', weight: 10n ** 30n },
      { key: 'b', weight: 10n ** 30n },
    ]);
    expect(result).toEqual([
      { key: 'a', amountFen: 4503599627370496 },
      { key: 'b', amountFen: 4503599627370495 },
    ]);
  });

  it('refuses zero total weight, bad weights and bad totals', () => {
    expect(() => allocateLargestRemainder(100, [])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(100, [{ key: 'a', weight: 0 }])).toThrow(/zero/);
    expect(() => allocateLargestRemainder(100, [{ key: 'a', weight: -1 }])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(100, [{ key: 'a', weight: -1n }])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(100, [{ key: 'a', weight: 1.5 }])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(-1, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(1.5, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
  });
});

describe('allocateLargestRemainder: properties', () => {
  const claims = fc
    .array(
      fc.record({
        key: fc.string({ maxLength: 6 }),
        weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.bigInt({ min: 0n, max: 10n ** 24n })),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .filter((cs) => cs.some((c) => BigInt(c.weight) > 0n));
  const total = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: MAX_FEN }));

  const check = (totalFen: number, cs: AllocationClaim[]): void => {
    const result = allocateLargestRemainder(totalFen, cs);
    const sum = cs.reduce((a, c) => a + BigInt(c.weight), 0n);
    expect(result.map((r) => r.key)).toEqual(cs.map((c) => c.key));
    let allocated = 0n;
    result.forEach((r, i) => {
      expect(Number.isSafeInteger(r.amountFen) && r.amountFen >= 0).toBe(true);
      // |amount − total·w/Σw| < 1  ⇔  |amount·Σw − total·w| < Σw
      const diff = BigInt(r.amountFen) * sum - BigInt(totalFen) * BigInt(cs[i].weight);
      expect(diff < sum && diff > -sum).toBe(true);
      if (BigInt(cs[i].weight) === 0n) expect(r.amountFen).toBe(0);
      allocated += BigInt(r.amountFen);
    });
    expect(allocated).toBe(BigInt(totalFen));
  };

  it('allocations are non-negative integers, add up to the total and are within a fen of the exact share', () => {
    fc.assert(fc.property(total, claims, check), { numRuns: 500 });
  });

  it('does not depend on the order of the claims', () => {
    fc.assert(
      fc.property(
        total,
        claims.filter((cs) => new Set(cs.map((c) => c.key)).size === cs.length),
        (totalFen, cs) => {
          const byKey = (list: { key: string; amountFen: number }[]) =>
            Object.fromEntries(list.map((a) => [a.key, a.amountFen]));
          const reversed = [...cs].reverse();
          expect(byKey(allocateLargestRemainder(totalFen, reversed))).toEqual(
            byKey(allocateLargestRemainder(totalFen, cs)),
          );
        },
      ),
    );
  });

  it('equal weights differ by at most one fen, the extra going to the smallest keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 20 }), (totalFen, n) => {
        const cs = Array.from({ length: n }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, weight: 7 }));
        const amounts = allocateLargestRemainder(totalFen, cs).map((a) => a.amountFen);
        const base = Math.floor(totalFen / n);
        const extra = totalFen - base * n;
        expect(amounts).toEqual(cs.map((_, i) => (i < extra ? base + 1 : base)));
      }),
    );
  });
});
