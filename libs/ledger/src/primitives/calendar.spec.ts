import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dateFromEpochDay,
  dateInChina,
  daysBetween,
  daysInMonth,
  epochDay,
  firstDayOfMonth,
  isIsoInstant,
  isLeapYear,
  isLedgerDate,
  isLedgerInstant,
  isLedgerMonth,
  LEDGER_FIRST_DATE,
  LEDGER_LAST_DATE,
  isValidDate,
  isValidMonth,
  lastDayOfMonth,
  maxDate,
  minDate,
  monthOf,
} from './calendar';

/** Dates from 1900 to 2199 generated through JS Date, used as an independent oracle in the specs only. */
const utcDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86400000, max: Date.UTC(2199, 11, 31) / 86400000 })
  .map((day) => new Date(day * 86400000).toISOString().slice(0, 10));

describe('leap years and month lengths', () => {
  it('follows the Gregorian rules', () => {
    expect([2016, 2018, 1900, 2000, 2100].map(isLeapYear)).toEqual([true, false, false, true, false]);
    expect(daysInMonth(2018, 2)).toBe(28);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2018, 4)).toBe(30);
    expect(daysInMonth(2018, 12)).toBe(31);
    expect(() => daysInMonth(2018, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2018, 0)).toThrow(RangeError);
  });
});

describe('isValidDate', () => {
  it.each(['2018-01-01', '2018-12-31', '2020-02-29', '2000-02-29', '0000-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isValidDate(d)).toBe(true);
  });

  it.each([
    '2018-02-29',
    '1900-02-29',
    '2018-04-31',
    '2018-13-01',
    '2018-00-10',
    '2018-01-00',
    '2018-1-1',
    '18-01-01',
    '2018/01/01',
    '2018-01-01T00:00:00Z',
    ' 2018-01-01',
    '',
  ])('rejects %j', (d) => {
    expect(isValidDate(d)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidDate(20180101)).toBe(false);
    expect(isValidDate(null)).toBe(false);
  });

  it('agrees with JS Date on every day of 1900–2199 (property)', () => {
    fc.assert(fc.property(utcDate, (d) => expect(isValidDate(d)).toBe(true)));
  });

  it('isValidMonth is strict YYYY-MM', () => {
    expect(isValidMonth('2018-07')).toBe(true);
    expect(isValidMonth('2018-13')).toBe(false);
    expect(isValidMonth('2018-7')).toBe(false);
    expect(isValidMonth('2018-07-01')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('orders dates', () => {
    expect(compareDates('2018-01-01', '2018-01-02')).toBe(-1);
    expect(compareDates('2018-01-01', '2018-01-01')).toBe(0);
    expect(compareDates('2019-01-01', '2018-12-31')).toBe(1);
    expect(maxDate('2018-03-15', '2018-01-01')).toBe('2018-03-15');
    expect(minDate('2018-03-15', '2018-01-01')).toBe('2018-01-01');
    expect(() => compareDates('2018-02-30', '2018-01-01')).toThrow(RangeError);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2018-02-28', 1)).toBe('2018-03-01');
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addDays('2019-01-01', -1)).toBe('2018-12-31');
    expect(addDays('2018-03-15', 364)).toBe('2019-03-14');
    expect(addDays('2018-01-01', 0)).toBe('2018-01-01');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('2018-01-01', 0.5)).toThrow(RangeError);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2018-01-01', '2018-12-31')).toBe(364);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2018-12-31', '2018-01-01')).toBe(-364);
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2018-07-01')).toBe(17713);
    expect(dateFromEpochDay(17713)).toBe('2018-07-01');
  });

  it('agrees with JS Date and round-trips (property)', () => {
    fc.assert(
      fc.property(utcDate, fc.integer({ min: -40000, max: 40000 }), (d, n) => {
        const expected = new Date(Date.parse(d) + n * 86400000).toISOString().slice(0, 10);
        expect(addDays(d, n)).toBe(expected);
        expect(addDays(addDays(d, n), -n)).toBe(d);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(compareDates(d, addDays(d, n))).toBe(n > 0 ? -1 : n < 0 ? 1 : 0);
        expect(epochDay(d)).toBe(Date.parse(d) / 86400000);
      }),
    );
  });
});

describe('months', () => {
  it('finds the month and its first and last day', () => {
    expect(monthOf('2018-07-15')).toBe('2018-07');
    expect(firstDayOfMonth('2018-07-15')).toBe('2018-07-01');
    expect(firstDayOfMonth('2018-07')).toBe('2018-07-01');
    expect(lastDayOfMonth('2018-07')).toBe('2018-07-31');
    expect(lastDayOfMonth('2020-02-10')).toBe('2020-02-29');
    expect(lastDayOfMonth('2019-02')).toBe('2019-02-28');
    expect(lastDayOfMonth('2018-09')).toBe('2018-09-30');
    expect(() => lastDayOfMonth('2018-13')).toThrow(RangeError);
    expect(() => monthOf('2018-02-30')).toThrow(RangeError);
  });

  it('adds months', () => {
    expect(addMonths('2018-12', 1)).toBe('2019-01');
    expect(addMonths('2018-01', -1)).toBe('2017-12');
    expect(addMonths('2018-03', 24)).toBe('2020-03');
    expect(addMonths('2018-03', -15)).toBe('2016-12');
  });
});

describe('dateInChina', () => {
  it.each([
    ['2018-06-30T16:00:00Z', '2018-07-01'],
    ['2018-06-30T15:59:59.999Z', '2018-06-30'],
    ['2018-07-01T00:00:00+08:00', '2018-07-01'],
    ['2018-07-01T23:59:59+08:00', '2018-07-01'],
    ['2018-07-01T00:30:00+09:00', '2018-06-30'],
    ['2018-06-30T20:00:00-04:00', '2018-07-01'],
    ['2018-12-31T16:00:00.000Z', '2019-01-01'],
    ['2020-02-28T16:00Z', '2020-02-29'],
    ['2018-07-01T08:00:00+0800', '2018-07-01'],
    ['2018-07-01T08:00:00+08', '2018-07-01'],
    ['2018-07-01t08:00:00z', '2018-07-01'],
  ])('%s → %s', (instant, date) => {
    expect(isIsoInstant(instant)).toBe(true);
    expect(dateInChina(instant)).toBe(date);
  });

  it.each([
    '2018-07-01',
    '2018-07-01T08:00:00', // no offset: ambiguous
    '2018-02-30T08:00:00Z',
    '2018-07-01T24:00:00Z',
    '2018-07-01T08:60:00Z',
    '2018-07-01T08:00:00+24:00',
    'yesterday',
    '',
  ])('refuses %j', (instant) => {
    expect(isIsoInstant(instant)).toBe(false);
    expect(() => dateInChina(instant)).toThrow(RangeError);
  });

  it('reads a Date through its instant only', () => {
    expect(dateInChina(new Date('2018-06-30T16:00:00Z'))).toBe('2018-07-01');
    expect(dateInChina(new Date('2018-06-30T15:59:59Z'))).toBe('2018-06-30');
    expect(() => dateInChina(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with JS Date for random instants and offsets (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const expected = new Date(ms + 8 * 3600000).toISOString().slice(0, 10);
          const local = new Date(ms + offsetMinutes * 60000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(dateInChina(`${local}${offset}`)).toBe(expected);
          expect(dateInChina(new Date(ms))).toBe(expected);
        },
      ),
    );
  });
});

describe("the ledger's world (isLedgerDate, isLedgerMonth, isLedgerInstant)", () => {
  it.each(['1949-10-01', '2018-07-15', '2100-12-31', '2000-02-29'])('given %s, then it is a ledger date', (d) => {
    expect(isLedgerDate(d)).toBe(true);
  });

  it.each(['0000-01-01', '1949-09-30', '2101-01-01', '9999-12-31', '2018-02-30', 20180101])(
    'given %s, then it is not',
    (d) => {
      expect(isLedgerDate(d)).toBe(false);
    },
  );

  it('given any real date, then it is a ledger date exactly when it lies in 1949-10-01..2100-12-31', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay('0000-01-01'), max: epochDay('9999-12-31') }), (day) => {
        const date = dateFromEpochDay(day);
        expect(isLedgerDate(date)).toBe(date >= LEDGER_FIRST_DATE && date <= LEDGER_LAST_DATE);
      }),
    );
  });

  it('given months and instants at the edges, then only those inside count', () => {
    expect(isLedgerMonth('1949-10')).toBe(true);
    expect(isLedgerMonth('1949-09')).toBe(false);
    expect(isLedgerMonth('2100-12')).toBe(true);
    expect(isLedgerMonth('0000-01')).toBe(false);
    expect(isLedgerInstant('2018-07-01T09:30:00+08:00')).toBe(true);
    expect(isLedgerInstant('2100-12-31T15:59:59Z')).toBe(true); // 23:59:59 in China
    expect(isLedgerInstant('2100-12-31T16:00:00Z')).toBe(false); // 2101-01-01 in China
    expect(isLedgerInstant('0000-01-01T00:00:00Z')).toBe(false);
    expect(isLedgerInstant('9999-12-31T00:00:00Z')).toBe(false);
  });
});
