import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { BadInputException } from './bad-input';
import { isValidDate } from '../primitives/calendar';
import { encodeCursor, openCursor } from './page';

/**
 * Server-side sorting of a cursor-paged list: `sort=<key>` ascending, `sort=-<key>` descending, from a
 * whitelist per list. Every order ends on the row's id in the same direction, so equal keys keep one
 * order and a keyset cursor (the sort, the key and the id of the last row) resumes exactly where the
 * previous page stopped.
 */

/** One sortable key: the SQL expression it orders by (never null) and the type it compares as. */
export interface SortKey {
  sql: string;
  type: 'text' | 'bigint' | 'date';
}

/** A list's sortable keys by name, and the id column that breaks ties. */
export interface SortSpec<Name extends string> {
  keys: Record<Name, SortKey>;
  id: string;
  /** The order when none is asked for. */
  default: Name | `-${Name}`;
}

/** Every value `sort` accepts for these keys: each key, and each key descending. */
export const sortValues = <Name extends string>(keys: readonly Name[]): string[] => [
  ...keys,
  ...keys.map((k) => `-${k}`),
];

/** The `sort` query parameter: one of the list's keys, optionally `-` for descending; 400 naming the allowed ones. */
export function IsListSort(keys: readonly string[]): PropertyDecorator {
  const allowed = sortValues(keys);
  return applyDecorators(
    IsOptional(),
    IsIn(allowed, { message: `sort must be one of ${allowed.join(', ')}` }),
    ApiProperty({
      required: false,
      enum: allowed,
      description: 'Sort key; a leading `-` sorts descending. Ties are broken by id, in the same direction.',
    }),
  );
}

/** The SQL of one page under a sort: the keyset condition after the cursor, and the order. */
export interface SortedPage {
  /** `(key, id) > ($n, $m)` (or `<` descending), or undefined on the first page. */
  after?: string;
  orderBy: string;
  /** The sort key's SQL expression (select it `::text` to build the next cursor). */
  key: string;
  /** The cursor that resumes after a row, given the row's key value (as text) and id. */
  cursorAfter(key: string | number, id: string): string;
}

/**
 * Resolves `sort` and `cursor` against a spec. `param` adds a bound value and returns its placeholder.
 * A cursor from another sort (or any other list) is bad input naming `cursor`.
 */
export function sortedPage<Name extends string>(
  spec: SortSpec<Name>,
  sort: string | undefined,
  cursor: string | undefined,
  param: (value: unknown) => string,
): SortedPage {
  const chosen = sort ?? spec.default;
  const descending = chosen.startsWith('-');
  const name = (descending ? chosen.slice(1) : chosen) as Name;
  const key = spec.keys[name];
  const direction = descending ? 'desc' : 'asc';
  const page: SortedPage = {
    orderBy: `${key.sql} ${direction}, ${spec.id} ${direction}`,
    key: key.sql,
    cursorAfter: (value, id) => encodeCursor([chosen, String(value), id]),
  };
  if (cursor === undefined) return page;
  const decoded = decode(cursor);
  if (decoded?.[0] !== chosen || !fits(decoded[1], key.type) || !fits(decoded[2], 'text')) {
    throw new BadInputException([
      { path: 'cursor', message: 'cursor must be the nextCursor of a previous page of this list, in the same sort' },
    ]);
  }
  const [, value, id] = decoded;
  page.after = `(${key.sql}, ${spec.id}) ${descending ? '<' : '>'} (${param(value)}::${key.type}, ${param(id)})`;
  return page;
}

/** Whether a cursor's value casts to the key's type: an edited cursor is bad input, never a database error. */
function fits(value: string, type: SortKey['type']): boolean {
  if (value.includes('\u0000')) return false;
  if (type === 'bigint') return /^-?\d{1,18}$/.test(value);
  if (type === 'date') return isValidDate(value) && !value.startsWith('0000');
  return true;
}

function decode(cursor: string): [string, string, string] | undefined {
  const key = openCursor(cursor);
  return key?.length === 3 && key.every((k) => typeof k === 'string') ? (key as [string, string, string]) : undefined;
}

/**
 * Paging of a list computed whole at query time rather than read from a table (the county's arrears,
 * summed as of an instant). Such a list is fixed by its context (the instant, the due date), so its
 * cursor carries the sort, that context and only the last row's id; the next page is the rows after
 * that id in the same order, computed again for the same context. A cursor whose row is not in the list,
 * or of another sort, is bad input naming `cursor`.
 */
export interface ComputedCursor {
  context: string[];
  id: string;
}

/** The context and last id a computed list's cursor carries, undefined without one. */
export function readComputedCursor(
  cursor: string | undefined,
  sort: string,
  contextLength: number,
): ComputedCursor | undefined {
  if (cursor === undefined) return undefined;
  const key = openCursor(cursor);
  if (key?.length !== contextLength + 2 || key[0] !== sort || !key.every((part) => typeof part === 'string')) {
    throw badCursor();
  }
  return { context: key.slice(1, -1), id: key[key.length - 1] };
}

/** One page of a computed list already in its order: the rows after the cursor's, and the next cursor. */
export function computedPage<T>(
  rows: readonly T[],
  idOf: (row: T) => string,
  page: { sort: string; context: readonly string[]; after?: ComputedCursor; limit: number },
): { items: T[]; total: number; nextCursor?: string } {
  let start = 0;
  if (page.after) {
    const { id } = page.after;
    const at = rows.findIndex((r) => idOf(r) === id);
    if (at < 0) throw badCursor();
    start = at + 1;
  }
  const items = rows.slice(start, start + page.limit);
  const more = start + page.limit < rows.length;
  return {
    items,
    total: rows.length,
    ...(more ? { nextCursor: encodeCursor([page.sort, ...page.context, idOf(items[items.length - 1])]) } : {}),
  };
}

function badCursor(): BadInputException {
  return new BadInputException([
    { path: 'cursor', message: 'cursor must be the nextCursor of a previous page of this list, in the same sort' },
  ]);
}
