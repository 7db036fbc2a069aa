import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ADMIN_USER_ID } from './user.events';

/**
 * Issues bearer tokens: `<userId>.<HMAC(secret, userId)>`. The ledger stores only the token's hash;
 * deriving it from a secret lets an idempotent replay of a user registration answer the same token.
 */
export class TokenIssuer {
  constructor(private readonly secret: string) {}

  tokenFor(userId: string): string {
    return `${userId}.${createHmac('sha256', this.secret).update(userId, 'utf8').digest('base64url')}`;
  }

  /**
   * A statement link's token (printed as a QR code on a clarity card): `hl1.<householdId>.<expiry>.<mac>`,
   * where expiry is Unix seconds and mac is HMAC-SHA256 over the rest, under a key derived from the
   * token secret for this use alone. Nothing is stored: the token proves itself until it expires.
   */
  statementLinkFor(householdId: string, expiresAt: Date): string {
    const body = `${LINK_PREFIX}.${householdId}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${body}.${this.linkMac(body)}`;
  }

  /** The household a statement link opens and when it expires, if the token is one, genuine and unexpired. */
  readStatementLink(token: string, now: Date = new Date()): StatementLink | undefined {
    const match = LINK_PATTERN.exec(token);
    if (!match) return undefined;
    const [, householdId, expiry, mac] = match;
    const expected = Buffer.from(this.linkMac(`${LINK_PREFIX}.${householdId}.${expiry}`), 'utf8');
    const presented = Buffer.from(mac, 'utf8');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
    const expiresAt = new Date(Number(expiry) * 1000);
    if (!(expiresAt.getTime() > now.getTime())) return undefined;
    return { householdId, expiresAt: expiresAt.toISOString() };
  }

  private linkMac(body: string): string {
    const key = createHmac('sha256', this.secret).update('ledger:statement-link:v1', 'utf8').digest();
    return createHmac('sha256', key).update(body, 'utf8').digest('base64url');
  }
}

const LINK_PREFIX = 'hl1';
const LINK_PATTERN = /^hl1\.(household-[A-Za-z0-9-]{1,80})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** What a genuine, unexpired statement link names. */
export interface StatementLink {
  householdId: string;
  /** ISO 8601 instant. */
  expiresAt: string;
}

/** Whether a bearer token has the shape of a statement link (then it is never a user's token). */
export function isStatementLinkToken(token: string): boolean {
  return token.startsWith(`${LINK_PREFIX}.`);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** The user id a token names; tokens set by configuration (no user id) belong to the bootstrap admin. */
export function userIdOfToken(token: string): string {
  const dot = token.indexOf('.');
  return dot > 0 ? token.slice(0, dot) : ADMIN_USER_ID;
}
