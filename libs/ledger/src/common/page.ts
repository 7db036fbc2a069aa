import { BadInputException } from '../http/problem-details.filter';

export type { Page } from './page.view';

/** Cursors are opaque to clients: the sort key of the last item, encoded. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) ? (key as (string | number)[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sort key a `cursor` query parameter carries (`keyLength` strings), undefined without one; a
 * cursor that is not a `nextCursor` of this list is bad input naming `cursor`.
 */
export function readCursor(cursor: string | undefined, keyLength: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor);
  if (key?.length !== keyLength || !key.every((part) => typeof part === 'string')) {
    throw new BadInputException([{ path: 'cursor', message: 'cursor must be the nextCursor of a previous page' }]);
  }
  return key;
}
