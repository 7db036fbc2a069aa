import fc from 'fast-check';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { entity, type EntityEvent, type EntityState } from '../../entities/entity.state';
import { entityId, farmRegistered, li, stake, wang, zhang } from '../../stakes/stake.fixtures';
import type { DividendDeclared } from '../dividend.events';
import { dividend } from '../dividend.state';
import { DeclareDividendCommand } from './declare-dividend.command';
import { decideDeclareDividend } from './declare-dividend.decide';

const declarationId = 'dividend-00000000-0000-5000-8000-0000000000d1';
const farmOf = (events: EntityEvent[]): EntityState => events.reduce(entity.evolve, entity.initialState);
const specOver = (events: EntityEvent[]) =>
  specFor(dividend, (c: DeclareDividendCommand, s) => decideDeclareDividend(c, s, farmOf(events)));
const declare = (overrides: Partial<DeclareDividendCommand['payload']> = {}) => ({
  declarationId,
  entityId,
  period: '2018-H1',
  declaredOn: '2018-07-10',
  recordDate: '2018-06-30',
  ...overrides,
});
const declaredData = (events: { type: string; data: unknown }[]) => (events[0] as DividendDeclared).data;
const amounts = (events: { type: string; data: unknown }[]) =>
  declaredData(events).allocations.map((a) => [a.stakeId.replace(`${entityId}.`, ''), a.amountFen]);

describe('declare a dividend', () => {
  it('tells the domain brief’s story: a cattle-farm stake guaranteed 4,000 yuan a year gets 2,000 for 2018-H1', () => {
    const farm = [
      farmRegistered,
      // Signed in December, promised 4,000 yuan a year for three years, paid per half-year.
      stake(1, { startsOn: '2017-12-01', endsOn: '2020-11-30', guaranteedYearlyFen: 4_000_00 }),
    ];
    specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare(), metadataFor(clerkOf('城关镇'))))
      .then([
        {
          type: 'DividendDeclared',
          data: {
            declarationId,
            entityId,
            entityName: '石头村养牛合作社',
            township: '城关镇',
            period: '2018-H1',
            periodShare: '1/2',
            declaredOn: '2018-07-10',
            recordDate: '2018-06-30',
            totalShares: 10,
            allocations: [
              {
                stakeId: `${entityId}.s1`,
                householdId: zhang,
                township: '城关镇',
                shares: 10,
                guaranteedYearlyFen: 4_000_00,
                source: 'cash',
                amountFen: 200_000,
              },
            ],
          },
        },
      ]);
  });

  it('pro-rates guaranteed dividends by the period’s nominal share of a year, rounding half-up', () => {
    const farm = [
      farmRegistered,
      stake(1, { guaranteedYearlyFen: 4_000_00 }),
      stake(2, { householdId: li, guaranteedYearlyFen: 1_00 }), // 100 fen / 12 = 8.33 → 8
      stake(3, { householdId: wang, guaranteedYearlyFen: 6 }), // 6 / 12 = 0.5 → 1
      stake(4, { householdId: wang }), // no guarantee: not allocated without a pool
    ];
    const events = specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare({ period: '2018-06' }), metadataFor(admin)))
      .thenEvents();
    expect(amounts(events)).toEqual([
      ['s1', 33_333],
      ['s2', 8],
      ['s3', 1],
    ]);
    expect(declaredData(events)).toMatchObject({ periodShare: '1/12', totalShares: 40 });
  });

  it('splits a pool over the shares active on the record date, adding up exactly', () => {
    const farm = [
      farmRegistered,
      stake(1, { shares: 1 }),
      stake(2, { householdId: li, shares: 1 }),
      stake(3, { householdId: wang, shares: 1 }),
      stake(4, { householdId: wang, shares: 5, startsOn: '2018-07-01' }), // not yet held on the record date
      stake(5, { householdId: wang, shares: 5, endsOn: '2018-06-29' }), // ended before it
    ];
    const events = specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(admin)))
      .thenEvents();
    // 100 / 3 = 33 each and one fen left over, tied: it goes to the earliest stake.
    expect(amounts(events)).toEqual([
      ['s1', 34],
      ['s2', 33],
      ['s3', 33],
    ]);
    expect(declaredData(events)).toMatchObject({ poolFen: 100, totalShares: 3 });
  });

  it('breaks ties by the order stakes were acquired: s2 before s10', () => {
    const farm = [farmRegistered, ...Array.from({ length: 11 }, (_, i) => stake(i + 1, { shares: 1 }))];
    const events = specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 13 }), metadataFor(admin)))
      .thenEvents();
    expect(amounts(events).filter(([, fen]) => fen === 2)).toEqual([
      ['s1', 2],
      ['s2', 2],
    ]);
  });

  it('refuses when no stake is active on the record date', () => {
    specOver([farmRegistered, stake(1, { startsOn: '2018-07-01' })])
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(admin)))
      .thenRefused('DIVIDEND.NO_ACTIVE_STAKES', 'rule');
    specOver([farmRegistered])
      .given([])
      .when(new DeclareDividendCommand(declare(), metadataFor(admin)))
      .thenRefused('DIVIDEND.NO_ACTIVE_STAKES', 'rule');
  });

  it('refuses a declaration without a pool when no active stake is guaranteed', () => {
    specOver([farmRegistered, stake(1), stake(2, { guaranteedYearlyFen: 4_000_00, startsOn: '2018-07-01' })])
      .given([])
      .when(new DeclareDividendCommand(declare(), metadataFor(admin)))
      .thenRefused('DIVIDEND.NO_GUARANTEED_STAKES', 'rule');
  });

  it('answers 404 for an unknown entity', () => {
    specOver([])
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(admin)))
      .thenRefused('ENTITY.NOT_FOUND', 'not_found');
  });

  it('scopes clerks by the entity’s township, and refuses auditors', () => {
    const farm = [farmRegistered, stake(1, { township: '温泉镇' })];
    specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(clerkOf('温泉镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });

  it('refuses recording the same declaration twice', () => {
    const farm = [farmRegistered, stake(1)];
    const [first] = specOver(farm)
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(admin)))
      .thenEvents();
    specOver(farm)
      .given([first])
      .when(new DeclareDividendCommand(declare({ poolFen: 100 }), metadataFor(admin)))
      .thenRefused('DIVIDEND.ALREADY_DECLARED', 'conflict');
  });

  it('marks a supplementary declaration as such', () => {
    const [declared] = specOver([farmRegistered, stake(1)])
      .given([])
      .when(new DeclareDividendCommand(declare({ poolFen: 100, supplementary: true }), metadataFor(admin)))
      .thenEvents();
    expect(declared.data).toMatchObject({ supplementary: true, poolFen: 100 });
  });

  it('property: a pool is split with non-negative allocations that add up exactly, each within a fen of its share', () => {
    const stakeArb = fc.record({
      shares: fc.integer({ min: 1, max: 1_000_000_000 }),
      active: fc.boolean(),
      householdNo: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(stakeArb, { minLength: 1, maxLength: 40 }),
        fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        (stakes, poolFen) => {
          const farm: EntityEvent[] = [
            farmRegistered,
            ...stakes.map((s, i) =>
              stake(i + 1, {
                householdId: `household-00000000-0000-5000-8000-00000000000${s.householdNo}`,
                shares: s.shares,
                // The first stake is always active, so there is something to split.
                startsOn: s.active || i === 0 ? '2018-01-01' : '2018-07-01',
              }),
            ),
          ];
          const events = specOver(farm)
            .given([])
            .when(new DeclareDividendCommand(declare({ poolFen }), metadataFor(admin)))
            .thenEvents();
          const { allocations, totalShares } = declaredData(events);
          const active = stakes.filter((s, i) => s.active || i === 0);
          expect(allocations).toHaveLength(active.length);
          expect(totalShares).toBe(active.reduce((sum, s) => sum + s.shares, 0));
          expect(allocations.reduce((sum, a) => sum + BigInt(a.amountFen), 0n)).toBe(BigInt(poolFen));
          for (const a of allocations) {
            expect(a.amountFen).toBeGreaterThanOrEqual(0);
            expect(Number.isSafeInteger(a.amountFen)).toBe(true);
            // |amount − pool × shares / total| < 1, in integers: |amount × total − pool × shares| < total.
            const diff = BigInt(a.amountFen) * BigInt(totalShares) - BigInt(poolFen) * BigInt(a.shares);
            expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(totalShares));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
