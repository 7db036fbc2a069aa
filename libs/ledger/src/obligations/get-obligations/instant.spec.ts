import { canonicalInstant } from './instant';

describe('canonicalInstant', () => {
  it.each([
    ['2018-07-01T09:30:00+08:00', '2018-07-01T01:30:00.000Z'],
    ['2018-07-01T09:30:00+0800', '2018-07-01T01:30:00.000Z'],
    ['2018-07-01T09:30+08', '2018-07-01T01:30:00.000Z'],
    ['2018-06-30T20:00:00-05:30', '2018-07-01T01:30:00.000Z'],
    ['2018-07-01t01:30:00.123456z', '2018-07-01T01:30:00.123Z'],
    ['2018-07-01T01:30:00,5Z', '2018-07-01T01:30:00.500Z'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.999Z'],
    ['2016-12-31T23:59:60.5+00:00', '2016-12-31T23:59:59.999Z'],
    ['0050-01-01T00:00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(canonicalInstant(text)).toBe(expected);
  });

  it('refuses anything that is not an instant with an offset', () => {
    expect(() => canonicalInstant('2018-07-01')).toThrow(RangeError);
    expect(() => canonicalInstant('2018-07-01T09:30:00')).toThrow(RangeError);
  });
});
