import fc from 'fast-check';
import { sanityWarnings } from './payment-sanity';

describe('payment sanity warnings', () => {
  it('asks about a 25,000,000-yuan wage against a 2,400-a-month contract, not about the wage itself', () => {
    const terms = { kind: 'employment', wageBasis: 'monthly', rateFen: 2_400_00 } as const;
    expect(sanityWarnings({ ...terms, amountFen: 25_000_000_00 })).toEqual([
      { rule: 'wage_monthly', amountFen: 25_000_000_00, rateFen: 2_400_00 },
    ]);
    expect(sanityWarnings({ ...terms, amountFen: 2_400_00 })).toEqual([]);
    // Half as much again is still a plausible month (a bonus); a fen more is asked about.
    expect(sanityWarnings({ ...terms, amountFen: 3_600_00 })).toEqual([]);
    expect(sanityWarnings({ ...terms, amountFen: 3_600_01 })).toHaveLength(1);
  });

  it('checks a daily wage against the days worked, or a whole month without them', () => {
    const terms = { kind: 'employment', wageBasis: 'daily', rateFen: 120_00 } as const;
    expect(sanityWarnings({ ...terms, amountFen: 2_400_00, daysWorked: 20 })).toEqual([]);
    expect(sanityWarnings({ ...terms, amountFen: 3_600_01, daysWorked: 20 })).toEqual([
      { rule: 'wage_daily', amountFen: 3_600_01, expectedFen: 2_400_00 },
    ]);
    expect(sanityWarnings({ ...terms, amountFen: 31 * 120_00 })).toEqual([]);
    expect(sanityWarnings({ ...terms, amountFen: 31 * 120_00 + 1 })).toEqual([
      { rule: 'wage_no_days', amountFen: 31 * 120_00 + 1, rateFen: 120_00 },
    ]);
    expect(sanityWarnings({ kind: 'employment', wageBasis: 'piece', rateFen: 1, amountFen: 10_000_00 })).toEqual([]);
  });

  it("asks about a rent above the period's due and a dividend above the allocation", () => {
    expect(sanityWarnings({ kind: 'lease', amountFen: 2_000_01, rentDueFen: 2_000_00 })).toEqual([
      { rule: 'rent_above_due', amountFen: 2_000_01, dueFen: 2_000_00 },
    ]);
    expect(sanityWarnings({ kind: 'lease', amountFen: 2_000_00, rentDueFen: 2_000_00 })).toEqual([]);
    expect(sanityWarnings({ kind: 'dividend', amountFen: 501, allocatedFen: 500 })).toEqual([
      { rule: 'dividend_above_allocation', amountFen: 501, allocatedFen: 500 },
    ]);
    expect(sanityWarnings({ kind: 'order', amountFen: 1 })).toEqual([]);
  });

  it('is exact at the largest amounts (no floating point): warns exactly when 2 × amount > 3 × rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (amountFen, rateFen) => {
          const warned = sanityWarnings({ kind: 'employment', wageBasis: 'monthly', rateFen, amountFen }).length > 0;
          expect(warned).toBe(BigInt(amountFen) * 2n > BigInt(rateFen) * 3n);
        },
      ),
    );
  });

  it('never warns about an amount that is not a payable amount (the form refuses it first)', () => {
    for (const amountFen of [0, -5, 1.5, Number.NaN])
      expect(sanityWarnings({ kind: 'lease', amountFen, rentDueFen: 0 })).toEqual([]);
  });
});
