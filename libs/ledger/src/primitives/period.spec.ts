import fc from 'fast-check';
import { addDays, compareDates, epochDay, monthOf } from './calendar';
import { add, formatFraction, fraction, type Fraction } from './fraction';
import {
  isLedgerPeriod,
  isValidPeriod,
  makePeriod,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodFirstDay,
  periodLastDay,
  periodMonths,
  periodOverlaps,
  periodsBetween,
  periodShareOfYear,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
} from './period';

function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(`bad period in test: ${text}`);
  return parsed.period;
}

const texts = (periods: Period[]): string[] => periods.map((p) => p.text);

describe('parsePeriod', () => {
  it.each([
    ['2018', { kind: 'year', year: 2018, index: 1, text: '2018' }],
    ['2018-H1', { kind: 'half', year: 2018, index: 1, text: '2018-H1' }],
    ['2018-H2', { kind: 'half', year: 2018, index: 2, text: '2018-H2' }],
    ['2018-Q1', { kind: 'quarter', year: 2018, index: 1, text: '2018-Q1' }],
    ['2018-Q4', { kind: 'quarter', year: 2018, index: 4, text: '2018-Q4' }],
    ['2018-07', { kind: 'month', year: 2018, index: 7, text: '2018-07' }],
    ['2018-12', { kind: 'month', year: 2018, index: 12, text: '2018-12' }],
  ])('%s', (text, expected) => {
    expect(parsePeriod(text)).toEqual({ ok: true, period: expected });
    expect(isValidPeriod(text)).toBe(true);
  });

  it.each([
    ['2018-H3', 'BAD_INDEX'],
    ['2018-H0', 'BAD_INDEX'],
    ['2018-Q5', 'BAD_INDEX'],
    ['2018-Q0', 'BAD_INDEX'],
    ['2018-13', 'BAD_INDEX'],
    ['2018-00', 'BAD_INDEX'],
    ['2018-7', 'MALFORMED'],
    ['2018-h1', 'MALFORMED'],
    ['2018-H01', 'MALFORMED'],
    ['2018H1', 'MALFORMED'],
    ['18', 'MALFORMED'],
    ['2018-07-01', 'MALFORMED'],
    [' 2018', 'MALFORMED'],
    ['', 'MALFORMED'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parsePeriod(text)).toEqual({ ok: false, reason });
    expect(isValidPeriod(text)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(parsePeriod(2018)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('makePeriod builds canonical periods and refuses impossible ones', () => {
    expect(makePeriod('quarter', 2019, 1).text).toBe('2019-Q1');
    expect(makePeriod('month', 2019, 3).text).toBe('2019-03');
    expect(() => makePeriod('half', 2019, 3)).toThrow(RangeError);
    expect(() => makePeriod('year', 2019, 2)).toThrow(RangeError);
  });
});

describe('period bounds, months and shares', () => {
  it.each([
    ['2018', '2018-01-01', '2018-12-31', 12, '1'],
    ['2018-H1', '2018-01-01', '2018-06-30', 6, '1/2'],
    ['2018-H2', '2018-07-01', '2018-12-31', 6, '1/2'],
    ['2018-Q1', '2018-01-01', '2018-03-31', 3, '1/4'],
    ['2018-Q2', '2018-04-01', '2018-06-30', 3, '1/4'],
    ['2018-Q3', '2018-07-01', '2018-09-30', 3, '1/4'],
    ['2018-Q4', '2018-10-01', '2018-12-31', 3, '1/4'],
    ['2018-07', '2018-07-01', '2018-07-31', 1, '1/12'],
    ['2020-02', '2020-02-01', '2020-02-29', 1, '1/12'],
    ['2019-02', '2019-02-01', '2019-02-28', 1, '1/12'],
  ])('%s: %s..%s, %d months, share %s', (text, first, last, months, share) => {
    const p = period(text);
    expect(periodFirstDay(p)).toBe(first);
    expect(periodLastDay(p)).toBe(last);
    expect(periodMonths(p)).toHaveLength(months);
    expect(periodMonths(p)[0]).toBe(first.slice(0, 7));
    expect(periodMonths(p)[months - 1]).toBe(last.slice(0, 7));
    expect(formatFraction(periodShareOfYear(p))).toBe(share);
  });

  it('lists the months of a quarter', () => {
    expect(periodMonths(period('2018-Q3'))).toEqual(['2018-07', '2018-08', '2018-09']);
  });
});

describe('periodContaining / nextPeriod', () => {
  it('finds the period of each kind holding a date', () => {
    expect(periodContaining('2018-08-15', 'year').text).toBe('2018');
    expect(periodContaining('2018-08-15', 'half').text).toBe('2018-H2');
    expect(periodContaining('2018-06-30', 'half').text).toBe('2018-H1');
    expect(periodContaining('2018-08-15', 'quarter').text).toBe('2018-Q3');
    expect(periodContaining('2018-04-01', 'quarter').text).toBe('2018-Q2');
    expect(periodContaining('2018-08-15', 'month').text).toBe('2018-08');
    expect(() => periodContaining('2018-02-30', 'month')).toThrow(RangeError);
  });

  it('steps to the next period, across years', () => {
    expect(nextPeriod(period('2018-Q4')).text).toBe('2019-Q1');
    expect(nextPeriod(period('2018-H1')).text).toBe('2018-H2');
    expect(nextPeriod(period('2018-12')).text).toBe('2019-01');
    expect(nextPeriod(period('2018')).text).toBe('2019');
  });
});

describe('periodsBetween', () => {
  it('lists every period overlapping the range, partly covered ones included', () => {
    expect(texts(periodsBetween('quarter', '2018-03-15', '2019-03-14'))).toEqual([
      '2018-Q1',
      '2018-Q2',
      '2018-Q3',
      '2018-Q4',
      '2019-Q1',
    ]);
    expect(texts(periodsBetween('year', '2018-01-01', '2020-12-31'))).toEqual(['2018', '2019', '2020']);
    expect(texts(periodsBetween('half', '2018-06-30', '2018-07-01'))).toEqual(['2018-H1', '2018-H2']);
    expect(texts(periodsBetween('month', '2018-11-30', '2019-02-01'))).toEqual([
      '2018-11',
      '2018-12',
      '2019-01',
      '2019-02',
    ]);
    expect(texts(periodsBetween('year', '2018-05-05', '2018-05-05'))).toEqual(['2018']);
  });

  it('is empty for a range that ends before it starts', () => {
    expect(periodsBetween('year', '2018-01-02', '2018-01-01')).toEqual([]);
  });

  const date = fc
    .integer({ min: epochDay('1990-01-01'), max: epochDay('2060-12-31') })
    .map((d) => addDays('1970-01-01', d));
  const kind = fc.constantFrom<PeriodKind>(...PERIOD_KINDS);

  it('contains the date it was asked about (property)', () => {
    fc.assert(
      fc.property(date, kind, (d, k) => {
        const p = periodContaining(d, k);
        expect(compareDates(periodFirstDay(p), d) <= 0 && compareDates(d, periodLastDay(p)) <= 0).toBe(true);
        expect(periodMonths(p)).toContain(monthOf(d));
        expect(parsePeriod(p.text)).toEqual({ ok: true, period: p });
      }),
    );
  });

  it('tiles the range: contiguous, each overlapping, first and last holding the ends (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 2000 }), kind, (start, length, k) => {
        const end = addDays(start, length);
        const periods = periodsBetween(k, start, end);
        expect(periods[0]).toEqual(periodContaining(start, k));
        expect(periods[periods.length - 1]).toEqual(periodContaining(end, k));
        periods.forEach((p, i) => {
          expect(periodOverlaps(p, start, end)).toBe(true);
          if (i > 0) expect(periodFirstDay(p)).toBe(addDays(periodLastDay(periods[i - 1]), 1));
        });
      }),
    );
  });

  it('shares of a year add up to 1 for every kind (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), kind, (year, k) => {
        const periods = periodsBetween(k, `${year}-01-01`, `${year}-12-31`);
        const total = periods.map(periodShareOfYear).reduce((a: Fraction, b) => add(a, b), fraction(0));
        expect(total).toEqual(fraction(1));
      }),
    );
  });
});

describe('period kinds', () => {
  it('refuses kinds that are not period kinds, even inherited property names', () => {
    expect(() => makePeriod('toString' as PeriodKind, 2018, 1)).toThrow(RangeError);
    expect(() => periodContaining('2018-01-01', 'constructor' as PeriodKind)).toThrow(RangeError);
  });
});

describe('isLedgerPeriod: periods of the years 1949 to 2100', () => {
  it.each(['1949', '1949-Q4', '1949-10', '2018-H1', '2100', '2100-12'])('given %s, then it is accepted', (p) => {
    expect(isLedgerPeriod(p)).toBe(true);
  });
  it.each(['0000', '0000-H1', '9999', '9999-12', '1949-H1', '1949-09', '2101', '2018-H3'])(
    'given %s, then it is refused',
    (p) => {
      expect(isLedgerPeriod(p)).toBe(false);
    },
  );
});
