import fc from 'fast-check';
import { addDays, compareDates, epochDay, firstDayOfMonth, lastDayOfMonth } from './calendar';
import { add, compareFractions, fraction, multiply, parseFraction, roundHalfUp, type Fraction } from './fraction';
import { parsePeriod, periodFirstDay, periodLastDay, periodShareOfYear } from './period';
import {
  computeRentDues,
  formatArea,
  guaranteedDividendForPeriod,
  monthsWhollyWithin,
  parseArea,
  scheduleKind,
  type RentSchedule,
} from './rent';

describe('parseArea / formatArea', () => {
  it.each([
    ['2.50', 250n],
    ['2.5', 250n],
    ['3', 300n],
    ['0.01', 1n],
    ['1.33', 133n],
    ['120.00', 12000n],
  ])('%s mu → %d hundredths', (text, hundredths) => {
    expect(parseArea(text)).toEqual({ ok: true, hundredths });
  });

  it.each([
    ['', 'EMPTY'],
    ['2.505', 'TOO_MANY_DECIMALS'],
    ['-2.50', 'NEGATIVE'],
    ['0', 'ZERO'],
    ['0.00', 'ZERO'],
    ['90071992547409.92', 'TOO_LARGE'],
    [' 2.50', 'MALFORMED'],
    ['2.50亩', 'MALFORMED'],
    ['1,000', 'MALFORMED'],
    ['2e2', 'MALFORMED'],
    ['.5', 'MALFORMED'],
    ['2.', 'MALFORMED'],
    ['two', 'MALFORMED'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseArea(text)).toEqual({ ok: false, reason });
  });

  it('refuses a number (areas travel as decimal strings)', () => {
    expect(parseArea(2.5)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('formats hundredths with two decimals', () => {
    expect(formatArea(250n)).toBe('2.50');
    expect(formatArea(1)).toBe('0.01');
    expect(formatArea(12000n)).toBe('120.00');
  });
});

describe('scheduleKind', () => {
  it('maps schedules to period kinds', () => {
    expect(scheduleKind('yearly')).toBe('year');
    expect(scheduleKind('half_yearly')).toBe('half');
    expect(scheduleKind('quarterly')).toBe('quarter');
  });
});

describe('computeRentDues: the contract examples', () => {
  const base = { areaMu: '2.50', rentPerMuYearFen: 80_000, startsOn: '2018-01-01', endsOn: '2020-12-31' };

  it('2.50 mu × 800 yuan/mu/year, yearly over 2018–2020: three dues of 2,000 yuan', () => {
    expect(computeRentDues({ ...base, schedule: 'yearly' })).toEqual([
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
      { period: '2019', dueOn: '2019-01-01', share: '1', amountFen: 200_000 },
      { period: '2020', dueOn: '2020-01-01', share: '1', amountFen: 200_000 },
    ]);
  });

  it('the same lease half-yearly: six dues of 1,000 yuan', () => {
    const dues = computeRentDues({ ...base, schedule: 'half_yearly' });
    expect(dues.map((d) => d.period)).toEqual(['2018-H1', '2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2']);
    expect(dues.map((d) => d.dueOn)).toEqual([
      '2018-01-01',
      '2018-07-01',
      '2019-01-01',
      '2019-07-01',
      '2020-01-01',
      '2020-07-01',
    ]);
    expect(dues.every((d) => d.share === '1/2' && d.amountFen === 100_000)).toBe(true);
  });

  it('the same lease quarterly: twelve dues of 500 yuan', () => {
    const dues = computeRentDues({ ...base, schedule: 'quarterly' });
    expect(dues).toHaveLength(12);
    expect(dues.every((d) => d.share === '1/4' && d.amountFen === 50_000)).toBe(true);
  });

  it('2018-03-15..2019-03-14 quarterly: no Q1 2018, full Q2–Q4, Q1 2019 for January and February only', () => {
    expect(computeRentDues({ ...base, startsOn: '2018-03-15', endsOn: '2019-03-14', schedule: 'quarterly' })).toEqual([
      { period: '2018-Q2', dueOn: '2018-04-01', share: '1/4', amountFen: 50_000 },
      { period: '2018-Q3', dueOn: '2018-07-01', share: '1/4', amountFen: 50_000 },
      { period: '2018-Q4', dueOn: '2018-10-01', share: '1/4', amountFen: 50_000 },
      { period: '2019-Q1', dueOn: '2019-01-01', share: '1/6', amountFen: 33_333 }, // 200,000 × 2/12 = 33,333.33
    ]);
  });

  it('a yearly lease from 2018-03-15 is charged 9/12 for 2018 (April–December), due on its start', () => {
    expect(computeRentDues({ ...base, startsOn: '2018-03-15', endsOn: '2020-12-31', schedule: 'yearly' })).toEqual([
      { period: '2018', dueOn: '2018-03-15', share: '3/4', amountFen: 150_000 },
      { period: '2019', dueOn: '2019-01-01', share: '1', amountFen: 200_000 },
      { period: '2020', dueOn: '2020-01-01', share: '1', amountFen: 200_000 },
    ]);
  });

  it('a lease starting on the first of a month is charged for that month; ending early drops the rest', () => {
    expect(computeRentDues({ ...base, startsOn: '2018-03-01', endsOn: '2018-08-30', schedule: 'half_yearly' })).toEqual(
      [
        { period: '2018-H1', dueOn: '2018-03-01', share: '1/3', amountFen: 66_667 }, // March–June: 4/12
        { period: '2018-H2', dueOn: '2018-07-01', share: '1/12', amountFen: 16_667 }, // July only: August is not whole
      ],
    );
  });

  it('a term shorter than any whole month owes nothing', () => {
    expect(computeRentDues({ ...base, startsOn: '2018-03-02', endsOn: '2018-04-30', schedule: 'yearly' })).toEqual([
      { period: '2018', dueOn: '2018-03-02', share: '1/12', amountFen: 16_667 }, // April only
    ]);
    expect(computeRentDues({ ...base, startsOn: '2018-03-02', endsOn: '2018-04-29', schedule: 'yearly' })).toEqual([]);
    expect(computeRentDues({ ...base, startsOn: '2018-03-15', endsOn: '2018-03-15', schedule: 'quarterly' })).toEqual(
      [],
    );
  });

  it('rounds half-up to the fen for an odd area and rent (1.33 mu × 333.33 yuan)', () => {
    const odd = { areaMu: '1.33', rentPerMuYearFen: 33_333, startsOn: '2018-01-01', endsOn: '2018-12-31' };
    // 1.33 × 33,333 = 44,332.89 fen a year
    expect(computeRentDues({ ...odd, schedule: 'yearly' })).toEqual([
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 44_333 },
    ]);
    // 44,332.89 / 2 = 22,166.445 → 22,166
    expect(computeRentDues({ ...odd, schedule: 'half_yearly' }).map((d) => d.amountFen)).toEqual([22_166, 22_166]);
    // 44,332.89 / 4 = 11,083.2225 → 11,083
    expect(computeRentDues({ ...odd, schedule: 'quarterly' }).map((d) => d.amountFen)).toEqual([
      11_083, 11_083, 11_083, 11_083,
    ]);
  });

  it('rounds an exact half up (0.50 mu × 333.33 yuan = 16,666.5 fen → 16,667)', () => {
    const dues = computeRentDues({
      areaMu: '0.50',
      rentPerMuYearFen: 33_333,
      startsOn: '2018-01-01',
      endsOn: '2018-12-31',
      schedule: 'yearly',
    });
    expect(dues.map((d) => d.amountFen)).toEqual([16_667]);
  });

  it('computes large leases exactly (no float products)', () => {
    // 99,999.99 mu × 900,719,925.47 yuan/mu/year: the product (≈ 9.0e20 hundredths × fen) is far beyond 2^53
    const dues = computeRentDues({
      areaMu: '99999.99',
      rentPerMuYearFen: 90_071_992_547,
      startsOn: '2018-01-01',
      endsOn: '2018-12-31',
      schedule: 'quarterly',
    });
    // 9,999,999 × 90,071,992,547 / 400 = 2,251,799,588,495,018.6325 → …019
    expect(dues[0].amountFen).toBe(Number(roundHalfUp(fraction(9_999_999n * 90_071_992_547n, 400n))));
    expect(dues[0].amountFen).toBe(2_251_799_588_495_019);
  });

  it('refuses invalid terms', () => {
    const ok = { ...base, schedule: 'yearly' as RentSchedule };
    expect(() => computeRentDues({ ...ok, areaMu: '2.505' })).toThrow(/TOO_MANY_DECIMALS/);
    expect(() => computeRentDues({ ...ok, rentPerMuYearFen: 0 })).toThrow(RangeError);
    expect(() => computeRentDues({ ...ok, rentPerMuYearFen: 1.5 })).toThrow(RangeError);
    expect(() => computeRentDues({ ...ok, startsOn: '2018-02-30' })).toThrow(RangeError);
    expect(() => computeRentDues({ ...ok, startsOn: '2021-01-01' })).toThrow(RangeError);
    expect(() => computeRentDues({ ...ok, schedule: 'monthly' as RentSchedule })).toThrow(RangeError);
    expect(() => computeRentDues({ ...ok, areaMu: '90071992547409.91', rentPerMuYearFen: 90_071_992_547_409 })).toThrow(
      /exceeds/,
    );
  });
});

describe('computeRentDues: properties', () => {
  const date = fc
    .integer({ min: epochDay('2000-01-01'), max: epochDay('2040-12-31') })
    .map((d) => addDays('1970-01-01', d));
  const terms = fc.record({
    areaMu: fc.integer({ min: 1, max: 1_000_000 }).map((h) => formatArea(h)),
    rentPerMuYearFen: fc.integer({ min: 1, max: 10_000_000 }),
    startsOn: date,
    length: fc.integer({ min: 0, max: 3000 }),
    schedule: fc.constantFrom<RentSchedule>('yearly', 'half_yearly', 'quarterly'),
  });

  /** The months of the term lying wholly inside it, counted independently of periods. */
  function wholeMonths(startsOn: string, endsOn: string): number {
    let count = 0;
    for (let d = firstDayOfMonth(startsOn); compareDates(d, endsOn) <= 0; d = addDays(lastDayOfMonth(d), 1)) {
      if (compareDates(d, startsOn) >= 0 && compareDates(lastDayOfMonth(d), endsOn) <= 0) count++;
    }
    return count;
  }

  it('charges each whole month of the term exactly once, each due within half a fen of its exact rent', () => {
    fc.assert(
      fc.property(terms, ({ length, ...t }) => {
        const endsOn = addDays(t.startsOn, length);
        const dues = computeRentDues({ ...t, endsOn });
        const hundredths = (parseArea(t.areaMu) as { hundredths: bigint }).hundredths;
        let shares: Fraction = fraction(0);
        for (const due of dues) {
          const period = parsePeriod(due.period);
          if (!period.ok) throw new Error(due.period);
          expect(period.period.kind).toBe(scheduleKind(t.schedule));
          const share = parseFraction(due.share);
          if (!share.ok) throw new Error(due.share);
          // the share is the period's whole months inside the term over 12, never more than the nominal share
          const months = monthsWhollyWithin(period.period, t.startsOn, endsOn).length;
          expect(share.fraction).toEqual(fraction(months, 12));
          expect(months).toBeGreaterThan(0);
          expect(compareFractions(share.fraction, periodShareOfYear(period.period))).toBeLessThanOrEqual(0);
          // dueOn is the period's first day or the lease's start if later, and lies within the period
          expect(due.dueOn).toBe(
            compareDates(periodFirstDay(period.period), t.startsOn) >= 0 ? periodFirstDay(period.period) : t.startsOn,
          );
          expect(compareDates(due.dueOn, periodLastDay(period.period))).toBeLessThanOrEqual(0);
          const exact = multiply(share.fraction, fraction(hundredths * BigInt(t.rentPerMuYearFen), 100n));
          expect(BigInt(due.amountFen)).toBe(roundHalfUp(exact));
          shares = add(shares, share.fraction);
        }
        expect(shares).toEqual(fraction(wholeMonths(t.startsOn, endsOn), 12));
        // periods are listed in order, without repeats
        const firstDays = dues.map((d) => d.period);
        expect(new Set(firstDays).size).toBe(firstDays.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a fully covered period is charged its nominal share of a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<RentSchedule>('yearly', 'half_yearly', 'quarterly'),
        (year, years, schedule) => {
          const dues = computeRentDues({
            areaMu: '1.00',
            rentPerMuYearFen: 120_000,
            startsOn: `${year}-01-01`,
            endsOn: `${year + years - 1}-12-31`,
            schedule,
          });
          const perYear = { yearly: 1, half_yearly: 2, quarterly: 4 }[schedule];
          expect(dues).toHaveLength(years * perYear);
          expect(dues.every((d) => d.amountFen === 120_000 / perYear)).toBe(true);
        },
      ),
    );
  });
});

describe('guaranteedDividendForPeriod', () => {
  it('is the yearly guarantee times the period share, rounded half-up', () => {
    expect(guaranteedDividendForPeriod(400_000, '2018-H1')).toBe(200_000);
    expect(guaranteedDividendForPeriod(400_000, '2018')).toBe(400_000);
    expect(guaranteedDividendForPeriod(400_000, '2018-Q3')).toBe(100_000);
    expect(guaranteedDividendForPeriod(400_000, '2018-07')).toBe(33_333); // 33,333.33
    expect(guaranteedDividendForPeriod(100_002, '2018-07')).toBe(8_334); // 8,333.5 → 8,334
    expect(guaranteedDividendForPeriod(3, '2018-H2')).toBe(2); // 1.5 → 2
    expect(guaranteedDividendForPeriod(0, '2018-H2')).toBe(0);
  });

  it('accepts a parsed period', () => {
    const p = parsePeriod('2018-H2');
    if (!p.ok) throw new Error('bad period');
    expect(guaranteedDividendForPeriod(400_000, p.period)).toBe(200_000);
  });

  it('refuses bad periods and amounts', () => {
    expect(() => guaranteedDividendForPeriod(400_000, '2018-H3')).toThrow(/BAD_INDEX/);
    expect(() => guaranteedDividendForPeriod(-1, '2018')).toThrow(RangeError);
    expect(() => guaranteedDividendForPeriod(0.5, '2018')).toThrow(RangeError);
  });
});
