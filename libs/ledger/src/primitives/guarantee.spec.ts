import fc from 'fast-check';
import { addMonths, lastDayOfMonth } from './calendar';
import { declaredByPeriod, guaranteePeriods, guaranteeStandings, type DeclaredOnStake } from './guarantee';
import type { RentSchedule } from './rent';

describe('guaranteePeriods', () => {
  it('cuts the cattle farm’s 4,000 a year for three years into six half-years of 2,000', () => {
    const periods = guaranteePeriods({
      guaranteedYearlyFen: 400_000,
      schedule: 'half_yearly',
      startsOn: '2018-01-01',
      endsOn: '2020-12-31',
    });
    expect(periods.map((p) => [p.period, p.dueOn, p.share, p.guaranteedFen])).toEqual([
      ['2018-H1', '2018-06-30', '1/2', 200_000],
      ['2018-H2', '2018-12-31', '1/2', 200_000],
      ['2019-H1', '2019-06-30', '1/2', 200_000],
      ['2019-H2', '2019-12-31', '1/2', 200_000],
      ['2020-H1', '2020-06-30', '1/2', 200_000],
      ['2020-H2', '2020-12-31', '1/2', 200_000],
    ]);
  });

  it('prorates by whole months inside the term, and the last period is due on the stake’s end', () => {
    const periods = guaranteePeriods({
      guaranteedYearlyFen: 100_000,
      schedule: 'yearly',
      startsOn: '2018-03-15',
      endsOn: '2019-08-20',
    });
    expect(periods.map((p) => [p.period, p.dueOn, p.share, p.guaranteedFen])).toEqual([
      ['2018', '2018-12-31', '3/4', 75_000], // April..December
      ['2019', '2019-08-20', '7/12', 58_333], // January..July, half-up
    ]);
  });

  it('lists no period without a whole month inside the term', () => {
    expect(
      guaranteePeriods({
        guaranteedYearlyFen: 1_200,
        schedule: 'quarterly',
        startsOn: '2018-01-02',
        endsOn: '2018-01-30',
      }),
    ).toEqual([]);
  });
});

describe('declaredByPeriod', () => {
  const halves = guaranteePeriods({
    guaranteedYearlyFen: 400_000,
    schedule: 'half_yearly',
    startsOn: '2018-01-01',
    endsOn: '2018-12-31',
  });

  it('counts a declaration inside one period wholly for it', () => {
    expect(declaredByPeriod(halves, [{ period: '2018-Q2', amountFen: 150_000 }])).toEqual(
      new Map([
        ['2018-H1', 150_000],
        ['2018-H2', 0],
      ]),
    );
  });

  it('splits a yearly declaration over two half-years by months, remainder to the earliest', () => {
    expect(declaredByPeriod(halves, [{ period: '2018', amountFen: 100_001 }])).toEqual(
      new Map([
        ['2018-H1', 50_001],
        ['2018-H2', 50_000],
      ]),
    );
  });

  it('counts months outside every guarantee period for none', () => {
    const lateStart = guaranteePeriods({
      guaranteedYearlyFen: 120_000,
      schedule: 'yearly',
      startsOn: '2018-07-01',
      endsOn: '2018-12-31',
    });
    expect(declaredByPeriod(lateStart, [{ period: '2018', amountFen: 120_000 }])).toEqual(new Map([['2018', 60_000]]));
  });
});

describe('guaranteeStandings', () => {
  it('owes the whole half-year nothing was declared for, and never a negative shortfall', () => {
    const standings = guaranteeStandings(
      { guaranteedYearlyFen: 400_000, schedule: 'half_yearly', startsOn: '2018-01-01', endsOn: '2018-12-31' },
      [{ period: '2018-H1', amountFen: 250_000 }],
    );
    expect(standings.map((s) => [s.period, s.declaredFen, s.shortfallFen])).toEqual([
      ['2018-H1', 250_000, 0],
      ['2018-H2', 0, 200_000],
    ]);
  });
});

/**
 * A straightforward reference: walk the term month by month. A month counts when it lies wholly in the
 * term; a period's guarantee is yearly × its months / 12 half-up; a declaration gives each of its months
 * amount / months exactly, and a period's declared amount is the floor of its months' exact sum plus,
 * for the declaration's earliest run of months, the fen the floors left over.
 */
function reference(
  yearly: number,
  schedule: RentSchedule,
  firstMonth: string,
  monthCount: number,
  declared: DeclaredOnStake[],
): { period: string; guaranteedFen: number; shortfallFen: number }[] {
  const span = { half_yearly: 6, yearly: 12, quarterly: 3 }[schedule];
  const periodOf = (month: string): string => {
    const y = month.slice(0, 4);
    const m = Number(month.slice(5, 7));
    if (span === 12) return y;
    if (span === 6) return `${y}-H${m <= 6 ? 1 : 2}`;
    return `${y}-Q${Math.ceil(m / 3)}`;
  };
  const months = Array.from({ length: monthCount }, (_, i) => addMonths(firstMonth, i));
  const monthsOf = new Map<string, string[]>();
  for (const m of months) monthsOf.set(periodOf(m), [...(monthsOf.get(periodOf(m)) ?? []), m]);
  const declaredFen = new Map<string, number>([...monthsOf.keys()].map((p) => [p, 0]));
  for (const d of declared) {
    const declMonths = declarationMonths(d.period);
    const runs: [string | undefined, number][] = [];
    for (const m of declMonths) {
      const owner = months.includes(m) ? periodOf(m) : undefined;
      if (runs.length > 0 && runs[runs.length - 1][0] === owner) runs[runs.length - 1][1] += 1;
      else runs.push([owner, 1]);
    }
    const parts = runs.map(([, n]) => Math.floor((d.amountFen * n) / declMonths.length));
    parts[0] += d.amountFen - parts.reduce((a, b) => a + b, 0);
    runs.forEach(([owner], i) => owner && declaredFen.set(owner, (declaredFen.get(owner) ?? 0) + parts[i]));
  }
  return [...monthsOf].map(([period, ms]) => {
    const guaranteedFen = Math.floor((yearly * ms.length + 6) / 12);
    return { period, guaranteedFen, shortfallFen: Math.max(0, guaranteedFen - (declaredFen.get(period) ?? 0)) };
  });
}

function declarationMonths(period: string): string[] {
  const y = period.slice(0, 4);
  const rest = period.slice(5);
  const [first, count] =
    rest === ''
      ? [1, 12]
      : rest.startsWith('H')
        ? [(Number(rest[1]) - 1) * 6 + 1, 6]
        : rest.startsWith('Q')
          ? [(Number(rest[1]) - 1) * 3 + 1, 3]
          : [Number(rest), 1];
  return Array.from({ length: count }, (_, i) => `${y}-${String(first + i).padStart(2, '0')}`);
}

describe('guarantee arithmetic against a month-by-month reference', () => {
  const declaration = fc.oneof(
    fc.integer({ min: 2017, max: 2021 }).map(String),
    fc.tuple(fc.integer({ min: 2017, max: 2021 }), fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`),
    fc.tuple(fc.integer({ min: 2017, max: 2021 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc
      .tuple(fc.integer({ min: 2017, max: 2021 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  );

  it('matches for any schedule, term of whole months and declarations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.constantFrom<RentSchedule>('yearly', 'half_yearly', 'quarterly'),
        fc.integer({ min: 0, max: 35 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.record({ period: declaration, amountFen: fc.integer({ min: 1, max: 100_000_000 }) }), {
          maxLength: 6,
        }),
        (yearly, schedule, offset, count, declared) => {
          const firstMonth = addMonths('2018-01', offset);
          const lastMonth = addMonths(firstMonth, count - 1);
          const standings = guaranteeStandings(
            { guaranteedYearlyFen: yearly, schedule, startsOn: `${firstMonth}-01`, endsOn: lastDayOfMonth(lastMonth) },
            declared,
          );
          expect(
            standings.map((s) => ({ period: s.period, guaranteedFen: s.guaranteedFen, shortfallFen: s.shortfallFen })),
          ).toEqual(reference(yearly, schedule, firstMonth, count, declared));
        },
      ),
    );
  });

  it('never loses or creates a fen of a declaration that lies wholly inside the term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.constantFrom<RentSchedule>('half_yearly', 'quarterly'),
        (amountFen, schedule) => {
          const periods = guaranteePeriods({
            guaranteedYearlyFen: 1,
            schedule,
            startsOn: '2018-01-01',
            endsOn: '2018-12-31',
          });
          const byPeriod = declaredByPeriod(periods, [{ period: '2018', amountFen }]);
          expect([...byPeriod.values()].reduce((a, b) => a + b, 0)).toBe(amountFen);
        },
      ),
    );
  });
});
