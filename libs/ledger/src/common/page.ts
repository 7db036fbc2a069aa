/** One page of a list; `nextCursor` is absent on the last page. */
export interface Page<Item> {
  items: Item[];
  nextCursor?: string;
}

/** Cursors are opaque to clients: the sort key of the last item, encoded. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(key) ? (key as (string | number)[]) : undefined;
  } catch {
    return undefined;
  }
}
