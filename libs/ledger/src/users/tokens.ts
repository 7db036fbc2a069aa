import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The bootstrap admin's fixed user id. */
export const ADMIN_USER_ID = 'admin';

/**
 * Issues bearer tokens: `<userId>.<HMAC(secret, userId)>`. The ledger stores only the token's hash;
 * deriving it from a secret lets an idempotent replay of a user registration answer the same token.
 */
export class TokenIssuer {
  constructor(private readonly secret: string) {}

  tokenFor(userId: string): string {
    return `${userId}.${createHmac('sha256', this.secret).update(userId, 'utf8').digest('base64url')}`;
  }
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
