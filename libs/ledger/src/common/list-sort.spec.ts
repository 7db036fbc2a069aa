import fc from 'fast-check';
import { BadInputException } from '../http/problem-details.filter';
import { isValidDate } from '../primitives/calendar';
import { sortedPage, type SortSpec } from './list-sort';
import { encodeCursor } from './page';

type Name = 'paidOn' | 'amount' | 'name';
const spec: SortSpec<Name> = {
  keys: {
    paidOn: { sql: 'paid_on', type: 'date' },
    amount: { sql: 'amount_fen', type: 'bigint' },
    name: { sql: 'name', type: 'text' },
  },
  id: 'id',
  default: 'paidOn',
};

/** Resolves a cursor and returns the values it would bind, or the refusal. */
function bound(sort: Name, cursor: string): unknown[] | BadInputException {
  const values: unknown[] = [];
  try {
    sortedPage(spec, sort, cursor, (v) => `$${values.push(v)}`);
    return values;
  } catch (error) {
    if (error instanceof BadInputException) return error;
    throw error;
  }
}

describe('a sorted list’s cursor', () => {
  it('resumes after the row it names', () => {
    expect(bound('paidOn', encodeCursor(['paidOn', '2018-06-30', 'p-1']))).toEqual(['2018-06-30', 'p-1']);
    expect(bound('amount', encodeCursor(['amount', '-120000', 'p-1']))).toEqual(['-120000', 'p-1']);
  });

  it('refuses a cursor of another sort, or one whose value does not fit the key, as bad input', () => {
    expect(bound('amount', encodeCursor(['paidOn', '2018-06-30', 'p-1']))).toBeInstanceOf(BadInputException);
    expect(bound('paidOn', encodeCursor(['paidOn', '2018-02-30', 'p-1']))).toBeInstanceOf(BadInputException);
    expect(bound('amount', encodeCursor(['amount', '1e3', 'p-1']))).toBeInstanceOf(BadInputException);
    expect(bound('name', encodeCursor(['name', 'a\u0000b', 'p-1']))).toBeInstanceOf(BadInputException);
  });

  it('binds only values the database casts without error, whatever the cursor says', () => {
    fc.assert(
      fc.property(fc.constantFrom<Name>('paidOn', 'amount', 'name'), fc.string(), fc.string(), (sort, value, id) => {
        const result = bound(sort, encodeCursor([sort, value, id]));
        if (result instanceof BadInputException) return;
        const [v, i] = result as string[];
        expect(v.includes('\u0000') || i.includes('\u0000')).toBe(false);
        if (sort === 'paidOn') expect(isValidDate(v)).toBe(true);
        if (sort === 'amount') expect(/^-?\d{1,18}$/.test(v)).toBe(true);
      }),
    );
  });
});
