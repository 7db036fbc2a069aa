import fc from 'fast-check';
import { addDays, addMonths, firstDayOfMonth } from './calendar';
import { guaranteePeriods, type GuaranteeTerms } from './guarantee';
import type { RentSchedule } from './rent';

/** A promise's guaranteed amounts by period, summed over every holder's periods. */
function promisedByPeriod(...holders: GuaranteeTerms[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const terms of holders) {
    for (const p of guaranteePeriods(terms)) totals.set(p.period, (totals.get(p.period) ?? 0) + p.guaranteedFen);
  }
  return totals;
}

describe('a guaranteed stake transferred to another household (动态调整)', () => {
  const promise: GuaranteeTerms = {
    guaranteedYearlyFen: 4_000_00,
    schedule: 'half_yearly',
    startsOn: '2018-01-01',
    endsOn: '2020-12-31',
  };

  it('splits the half-year of the transfer by months: 2018-H1 Jan–Mar to the old holder, Apr–Jun to the new', () => {
    const old = guaranteePeriods({ ...promise, endsOn: '2018-03-31' });
    const next = guaranteePeriods({ ...promise, startsOn: '2018-04-01', promiseStartsOn: promise.startsOn });
    expect(old).toEqual([
      expect.objectContaining({ period: '2018-H1', dueOn: '2018-03-31', share: '1/4', guaranteedFen: 1_000_00 }),
    ]);
    expect(next[0]).toEqual(
      expect.objectContaining({ period: '2018-H1', dueOn: '2018-06-30', share: '1/4', guaranteedFen: 1_000_00 }),
    );
    expect(next.map((p) => p.period)).toEqual(['2018-H1', '2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2']);
  });

  it('rounds cumulatively, so a fen lost to rounding on one side is found on the other', () => {
    // 6 fen a year: one month is 0.5 fen (rounds to 1), five months 2.5 (3): 4 fen, not the half-year's 3.
    const terms: GuaranteeTerms = {
      guaranteedYearlyFen: 6,
      schedule: 'half_yearly',
      startsOn: '2018-01-01',
      endsOn: '2018-12-31',
    };
    const old = guaranteePeriods({ ...terms, endsOn: '2018-01-31' });
    const next = guaranteePeriods({ ...terms, startsOn: '2018-02-01', promiseStartsOn: terms.startsOn });
    expect(old[0].guaranteedFen).toBe(1);
    expect(next[0].guaranteedFen).toBe(2);
    expect(
      promisedByPeriod(
        { ...terms, endsOn: '2018-01-31' },
        { ...terms, startsOn: '2018-02-01', promiseStartsOn: terms.startsOn },
      ),
    ).toEqual(promisedByPeriod(terms));
  });

  it('property: transferred on any month’s first day, however often, the holders together are promised exactly the untransferred promise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.constantFrom<RentSchedule>('yearly', 'half_yearly', 'quarterly'),
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 2, max: 48 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 47 }), { maxLength: 3 }),
        (yearly, schedule, startDay, startMonth, termMonths, transferMonths) => {
          const startsOn = addDays(firstDayOfMonth(addMonths('2017-01', startMonth)), startDay);
          const endsOn = addDays(firstDayOfMonth(addMonths(startsOn.slice(0, 7), termMonths)), -1);
          const whole: GuaranteeTerms = { guaranteedYearlyFen: yearly, schedule, startsOn, endsOn };
          // Each transfer takes effect on the first day of a month strictly inside the term.
          const effective = [...transferMonths]
            .sort((a, b) => a - b)
            .map((m) => firstDayOfMonth(addMonths(startsOn.slice(0, 7), m)))
            .filter((day) => day > startsOn && day <= endsOn);
          const starts = [startsOn, ...effective];
          const holders = starts.map((from, i): GuaranteeTerms => ({
            ...whole,
            startsOn: from,
            endsOn: i + 1 < starts.length ? addDays(starts[i + 1], -1) : endsOn,
            ...(i === 0 ? {} : { promiseStartsOn: startsOn }),
          }));
          expect(promisedByPeriod(...holders)).toEqual(promisedByPeriod(whole));
        },
      ),
    );
  });
});
