import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { BadInputException } from './bad-input';

export type { Page } from './page.view';

/**
 * Cursors are opaque to clients, and to whoever reads the access logs they land in: the sort key of
 * the last item (a household head's name, when sorted by name) is sealed with AES-256-GCM, so a cursor
 * reveals nothing and a tampered or forged one fails its tag and is refused as bad input naming
 * `cursor`, never reaching SQL. Signing alone (an HMAC) would stop tampering but leave the name
 * readable in base64.
 *
 * The key is derived from the server's token secret for this use alone (`useCursorSecret`, called
 * once at start by the common module), so every instance behind one secret reads the others' cursors
 * and a restart keeps them valid. Until then (pure specs) a random key of this process is used.
 * The nonce is synthetic (an HMAC of the plain text), so one page always answers the same cursor.
 */
let cursorKey: Buffer = randomBytes(32);

/** Derives the cursors' key from the server secret (the one tokens are derived from). */
export function useCursorSecret(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('ledger:list-cursor:v1', 'utf8').digest();
}

const VERSION = 'c1';

/** The cursor that resumes after an item with this sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  const plain = Buffer.from(JSON.stringify(key), 'utf8');
  const nonce = createHmac('sha256', cursorKey).update(plain).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', cursorKey, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${VERSION}${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The sort key a cursor carries, or undefined when it is not one this server sealed (edited, forged, garbled). */
export function openCursor(cursor: string): unknown[] | undefined {
  if (!cursor.startsWith(VERSION)) return undefined;
  const sealed = Buffer.from(cursor.slice(VERSION.length), 'base64url');
  if (sealed.length < 28) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    const key: unknown = JSON.parse(plain);
    return Array.isArray(key) ? key : undefined;
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
  const key = openCursor(cursor);
  if (key?.length !== keyLength || !key.every((part) => typeof part === 'string')) {
    throw new BadInputException([{ path: 'cursor', message: 'cursor must be the nextCursor of a previous page' }]);
  }
  return key;
}
