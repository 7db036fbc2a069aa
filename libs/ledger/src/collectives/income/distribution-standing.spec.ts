import fc from 'fast-check';
import type { CollectiveIncomeSource } from '../collective.events';
import { distributionStanding, type DeclaredFigures } from './distribution-standing';

const complex = (amountFen: number): CollectiveIncomeSource => ({
  entityId: 'entity-complex',
  entityName: '桃花谷旅游综合体',
  amountFen,
});
const farm = (amountFen: number): CollectiveIncomeSource => ({
  entityId: 'entity-farm',
  entityName: '石头村养牛场',
  amountFen,
});

describe('a distribution against the collective’s income as it stands now', () => {
  describe('given a pool of 300,000 declared on 500,000 from the tourism complex', () => {
    const declared: DeclaredFigures = {
      poolFen: 300_000_00,
      distributedBeforeFen: 0,
      incomeSources: [complex(500_000_00)],
    };

    it('when nothing was undone since, then it shows the declared sources only and is covered', () => {
      expect(distributionStanding(declared, [complex(500_000_00)])).toEqual({
        incomeSources: [complex(500_000_00)],
        incomeFen: 500_000_00,
        overdrawnFen: 0,
      });
    });

    it('when 250,000 of the dividend was reversed since, then it shows 250,000, the declared figures, and 50,000 overdrawn', () => {
      expect(distributionStanding(declared, [complex(250_000_00)])).toEqual({
        incomeSources: [complex(250_000_00)],
        incomeFen: 250_000_00,
        declaredIncomeSources: [complex(500_000_00)],
        overdrawnFen: 50_000_00,
      });
    });

    it('when the whole dividend was returned by the bank, then it has no source left and the whole pool is overdrawn', () => {
      expect(distributionStanding(declared, [])).toEqual({
        incomeSources: [],
        incomeFen: 0,
        declaredIncomeSources: [complex(500_000_00)],
        overdrawnFen: 300_000_00,
      });
    });
  });

  describe('given a second distribution of 100,000 after 300,000 already shared out of 500,000', () => {
    const declared: DeclaredFigures = {
      poolFen: 100_000_00,
      distributedBeforeFen: 300_000_00,
      incomeSources: [complex(400_000_00), farm(100_000_00)],
    };

    it('when the farm’s 100,000 is reversed, then the pools (400,000) still fit the 400,000 left', () => {
      const standing = distributionStanding(declared, [complex(400_000_00)]);
      expect(standing.overdrawnFen).toBe(0);
      expect(standing.declaredIncomeSources).toEqual([complex(400_000_00), farm(100_000_00)]);
    });

    it('when sources only come back in another order, then nothing is reported as changed', () => {
      expect(distributionStanding(declared, [farm(100_000_00), complex(400_000_00)])).not.toHaveProperty(
        'declaredIncomeSources',
      );
    });
  });

  it('overdraws by exactly what the pools exceed the income by, never below 0 (any figures)', () => {
    fc.assert(
      fc.property(
        fc.nat(10 ** 12),
        fc.nat(10 ** 12),
        fc.array(fc.nat(10 ** 10), { maxLength: 5 }),
        (poolFen, distributedBeforeFen, amounts) => {
          const current = amounts.map((amountFen, i) => ({ entityId: `e${i}`, entityName: `e${i}`, amountFen }));
          const standing = distributionStanding({ poolFen, distributedBeforeFen, incomeSources: current }, current);
          const income = amounts.reduce((a, b) => a + b, 0);
          expect(standing.incomeFen).toBe(income);
          expect(standing.overdrawnFen).toBe(Math.max(0, poolFen + distributedBeforeFen - income));
          expect(Number.isInteger(standing.overdrawnFen)).toBe(true);
          expect(standing.declaredIncomeSources).toBeUndefined();
        },
      ),
    );
  });
});
