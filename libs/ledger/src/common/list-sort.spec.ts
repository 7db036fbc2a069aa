import fc from 'fast-check';
import { BadInputException } from './bad-input';
import { isValidDate } from '../primitives/calendar';
import { computedPage, readComputedCursor, sortedPage, type SortSpec } from './list-sort';
import { encodeCursor, openCursor, readCursor, useCursorSecret } from './page';

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

describe('an opaque cursor', () => {
  it('carries no readable trace of the sort key it resumes after', () => {
    const cursor = encodeCursor(['name', '张三明', 'household-1']);
    expect(cursor).not.toContain(Buffer.from('张三明', 'utf8').toString('base64url').slice(0, 6));
    expect(Buffer.from(cursor.slice(2), 'base64url').toString('utf8')).not.toContain('张三明');
    expect(openCursor(cursor)).toEqual(['name', '张三明', 'household-1']);
  });

  it('is the same cursor for the same row (one page always answers one cursor)', () => {
    expect(encodeCursor(['name', '李四', 'h-2'])).toBe(encodeCursor(['name', '李四', 'h-2']));
  });

  it('property: any edit of a genuine cursor is bad input naming cursor, never an error', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (value, id, at, flip) => {
          const genuine = Buffer.from(encodeCursor(['name', value, id]).slice(2), 'base64url');
          const edited = Buffer.from(genuine);
          edited[at % edited.length] ^= flip;
          const result = bound('name', `c1${edited.toString('base64url')}`);
          expect(result).toBeInstanceOf(BadInputException);
          expect((result as BadInputException).errors.map((e) => e.path)).toEqual(['cursor']);
        },
      ),
    );
  });

  it('property: any string at all as a cursor is bad input naming cursor, unless this server sealed it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (cursor) => {
        const result = bound('name', cursor);
        expect(result).toBeInstanceOf(BadInputException);
      }),
    );
    // The old, unsealed form (base64 JSON) is refused too.
    const old = Buffer.from(JSON.stringify(['name', '张三', 'h-1']), 'utf8').toString('base64url');
    expect(bound('name', old)).toBeInstanceOf(BadInputException);
    expect(readCursorRefusal(old)).toBe('cursor');
  });

  it('is read by every instance sharing the secret, and by no other', () => {
    useCursorSecret('a'.repeat(32));
    const cursor = encodeCursor(['name', '王五', 'h-3']);
    useCursorSecret('b'.repeat(32));
    expect(openCursor(cursor)).toBeUndefined();
    useCursorSecret('a'.repeat(32));
    expect(openCursor(cursor)).toEqual(['name', '王五', 'h-3']);
  });
});

function readCursorRefusal(cursor: string): string | undefined {
  try {
    readCursor(cursor, 3);
    return undefined;
  } catch (error) {
    return error instanceof BadInputException ? error.errors[0].path : 'not bad input';
  }
}

describe('a computed list’s pages', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `entity-${String(i).padStart(3, '0')}`);
  const walk = (rows: string[], limit: number, context = ['2019-01-01T00:00:00Z', '2018-12-31']) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const after = readComputedCursor(cursor, '-outstanding', 2);
      if (after) expect(after.context).toEqual(context);
      const page = computedPage(rows, (r) => r, { sort: '-outstanding', context, after, limit });
      expect(page.total).toBe(rows.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('property: walked by their cursors, give every row once, in order', () => {
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 12 }), (n, limit) => {
        expect(walk(ids(n), limit)).toEqual(ids(n));
      }),
    );
  });

  it('refuse a cursor of another sort, or whose row is not in the list, naming cursor', () => {
    const first = computedPage(ids(3), (r) => r, { sort: 'entity', context: ['a', 'b'], limit: 1 });
    expect(() => readComputedCursor(first.nextCursor, '-outstanding', 2)).toThrow(BadInputException);
    const after = readComputedCursor(first.nextCursor, 'entity', 2);
    expect(() => computedPage(ids(0), (r) => r, { sort: 'entity', context: ['a', 'b'], after, limit: 1 })).toThrow(
      BadInputException,
    );
  });
});
