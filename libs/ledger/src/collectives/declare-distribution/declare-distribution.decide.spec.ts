import fc from 'fast-check';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { DistributionDeclared } from '../collective.events';
import { distribution } from '../distribution.state';
import { DeclareDistributionCommand } from './declare-distribution.command';
import { decideDeclareDistribution, incomeUpTo, type DistributionParties } from './declare-distribution.decide';

const collectiveId = 'entity-00000000-0000-5000-8000-00000000c011';
const complexId = 'entity-00000000-0000-5000-8000-00000000c0c0';
const distributionId = 'distribution-00000000-0000-5000-8000-0000000000d1';
const h = (n: number) => `household-00000000-0000-5000-8000-${String(n).padStart(12, '0')}`;

const parties = (overrides: Partial<DistributionParties> = {}): DistributionParties => ({
  collective: { collectiveId, name: '石头村股份经济合作社', kind: 'village_collective', township: '石头镇' },
  households: new Map([
    [h(1), { township: '石头镇', members: 4 }],
    [h(2), { township: '石头镇', members: 2 }],
    [h(3), { township: '石头镇', members: 3 }],
  ]),
  income: [
    { entityId: complexId, entityName: '桃花谷旅游综合体', amountFen: 100_00, paidOn: '2018-12-25', undone: false },
  ],
  earlierPoolsFen: [],
  ordinal: 1,
  ...overrides,
});
const specWith = (p: DistributionParties) =>
  specFor(distribution, (c: DeclareDistributionCommand, s) => decideDeclareDistribution(c, s, p, distributionId));
const declare = (overrides: Partial<DeclareDistributionCommand['payload']> = {}, actor = clerkOf('石头镇')) =>
  new DeclareDistributionCommand(
    {
      collectiveId,
      period: '2018',
      declaredOn: '2018-12-28',
      poolFen: 100_00,
      basis: 'per_household',
      households: [{ householdId: h(1) }, { householdId: h(2) }, { householdId: h(3) }],
      ...overrides,
    },
    metadataFor(actor),
  );
const allocated = (events: { data: unknown }[]) =>
  (events[0] as DistributionDeclared).data.allocations.map((a) => [a.householdId, a.weight, a.amountFen]);

describe('declare a collective’s distribution (二次分配)', () => {
  it('splits 100 yuan over three households, the fen left over to the id that sorts first', () => {
    specWith(parties())
      .given([])
      .when(declare())
      .then([
        {
          type: 'DistributionDeclared',
          data: {
            distributionId,
            collectiveId,
            collectiveName: '石头村股份经济合作社',
            township: '石头镇',
            period: '2018',
            declaredOn: '2018-12-28',
            poolFen: 100_00,
            basis: 'per_household',
            totalWeight: 3,
            incomeSources: [{ entityId: complexId, entityName: '桃花谷旅游综合体', amountFen: 100_00 }],
            distributedBeforeFen: 0,
            ordinal: 1,
            allocations: [
              { householdId: h(1), township: '石头镇', weight: 1, amountFen: 33_34 },
              { householdId: h(2), township: '石头镇', weight: 1, amountFen: 33_33 },
              { householdId: h(3), township: '石头镇', weight: 1, amountFen: 33_33 },
            ],
          },
        },
      ]);
  });

  it('weighs per member as registered, and by the weights given', () => {
    const perMember = specWith(parties())
      .given([])
      .when(declare({ basis: 'per_member', poolFen: 90_00 }))
      .thenEvents();
    expect(allocated(perMember)).toEqual([
      [h(1), 4, 40_00],
      [h(2), 2, 20_00],
      [h(3), 3, 30_00],
    ]);
    const weighted = specWith(parties())
      .given([])
      .when(
        declare({
          basis: 'weighted',
          poolFen: 10,
          households: [
            { householdId: h(3), weight: 1 },
            { householdId: h(2), weight: 2 },
          ],
        }),
      )
      .thenEvents();
    // 10 fen by 1:2 is 3.33… and 6.66…: the larger remainder (h2's) takes the fen left.
    expect(allocated(weighted)).toEqual([
      [h(3), 1, 3],
      [h(2), 2, 7],
    ]);
  });

  it('never shares more than the income paid by declaredOn, net of reversals and returns, less earlier pools', () => {
    const income = [
      { entityId: complexId, entityName: '桃花谷旅游综合体', amountFen: 100_00, paidOn: '2018-12-25', undone: false },
      { entityId: complexId, entityName: '桃花谷旅游综合体', amountFen: 50_00, paidOn: '2018-12-26', undone: true },
      { entityId: complexId, entityName: '桃花谷旅游综合体', amountFen: 70_00, paidOn: '2019-01-02', undone: false },
    ];
    specWith(parties({ income, earlierPoolsFen: [60_00], ordinal: 2 }))
      .given([])
      .when(declare({ poolFen: 40_01 }))
      .thenRefused('DISTRIBUTION.EXCEEDS_INCOME', 'rule');
    const events = specWith(parties({ income, earlierPoolsFen: [60_00], ordinal: 2 }))
      .given([])
      .when(declare({ poolFen: 40_00 }))
      .thenEvents();
    expect((events[0] as DistributionDeclared).data).toMatchObject({ distributedBeforeFen: 60_00, ordinal: 2 });
  });

  it('refuses households unknown, repeated or of another township, and a collective that is none', () => {
    const spec = specWith(parties());
    spec
      .given([])
      .when(declare({ households: [{ householdId: h(9) }] }))
      .thenRefused('DISTRIBUTION.UNKNOWN_HOUSEHOLD');
    spec
      .given([])
      .when(declare({ households: [{ householdId: h(1) }, { householdId: h(1) }] }))
      .thenRefused('DISTRIBUTION.HOUSEHOLD_REPEATED');
    specWith(parties({ households: new Map([[h(1), { township: '城关镇', members: 1 }]]) }))
      .given([])
      .when(declare({ households: [{ householdId: h(1) }] }))
      .thenRefused('DISTRIBUTION.HOUSEHOLD_OUTSIDE_TOWNSHIP');
    specWith(parties({ collective: { collectiveId, name: '桃花谷旅游综合体', kind: 'company', township: '石头镇' } }))
      .given([])
      .when(declare())
      .thenRefused('COLLECTIVE.NOT_A_COLLECTIVE');
    specWith(parties({ collective: undefined }))
      .given([])
      .when(declare())
      .thenRefused('COLLECTIVE.NOT_FOUND', 'not_found');
  });

  it('lets a clerk of the collective’s township or an admin declare, not an auditor or another township', () => {
    specWith(parties()).given([]).when(declare({}, admin)).thenEvents();
    specWith(parties()).given([]).when(declare({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE');
    specWith(parties())
      .given([])
      .when(declare({}, clerkOf('城关镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
  });

  it('refuses a declaration that meets an earlier one on the same ordinal (a concurrent one won)', () => {
    const [won] = specWith(parties()).given([]).when(declare()).thenEvents();
    specWith(parties()).given([won]).when(declare()).thenRefused('DISTRIBUTION.CONCURRENT', 'conflict');
  });

  it('adds up to the pool for any weights, each part within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        (poolFen, weights) => {
          const households = new Map(weights.map((_, i) => [h(i + 1), { township: '石头镇', members: 1 }]));
          const income = [
            { entityId: complexId, entityName: '综合体', amountFen: poolFen, paidOn: '2018-01-01', undone: false },
          ];
          const [event] = specWith(parties({ households, income }))
            .given([])
            .when(
              declare({
                poolFen,
                basis: 'weighted',
                households: weights.map((weight, i) => ({ householdId: h(i + 1), weight })),
              }),
            )
            .thenEvents();
          const { allocations, totalWeight } = (event as DistributionDeclared).data;
          expect(allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(poolFen);
          for (const a of allocations) {
            // |amount − pool × weight / total| < 1, in exact integer arithmetic.
            const diff = BigInt(a.amountFen) * BigInt(totalWeight) - BigInt(poolFen) * BigInt(a.weight);
            expect(diff < 0n ? -diff : diff).toBeLessThan(BigInt(totalWeight));
          }
        },
      ),
    );
  });
});

describe('a collective’s income by entity', () => {
  it('counts dividends paid on or before the date, neither reversed nor returned, summed per entity', () => {
    expect(
      incomeUpTo(
        [
          { entityId: 'e1', entityName: '甲', amountFen: 10, paidOn: '2018-01-01', undone: false },
          { entityId: 'e2', entityName: '乙', amountFen: 5, paidOn: '2018-01-02', undone: false },
          { entityId: 'e1', entityName: '甲', amountFen: 7, paidOn: '2018-01-03', undone: false },
          { entityId: 'e1', entityName: '甲', amountFen: 100, paidOn: '2018-01-03', undone: true },
          { entityId: 'e2', entityName: '乙', amountFen: 100, paidOn: '2018-01-04', undone: false },
        ],
        '2018-01-03',
      ),
    ).toEqual([
      { entityId: 'e1', entityName: '甲', amountFen: 17 },
      { entityId: 'e2', entityName: '乙', amountFen: 5 },
    ]);
  });
});
