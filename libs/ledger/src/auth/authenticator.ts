import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { StreamWriter } from '../common/stream-writer';
import { ADMIN_USER_ID } from './user.events';
import { hashToken, isStatementLinkToken, TokenIssuer, tokenMatches, userIdOfToken } from './tokens';
import { user, userStream } from './user.state';

/** How long a token's actor, once read from its user's stream, is taken as read (issue 20). */
export const ACTOR_REMEMBERED_MS = 1000;
/** Tokens remembered at most; past it the memory starts again (cheap to read back). */
const REMEMBERED_TOKENS = 10_000;

/**
 * Turns a bearer token into an actor by reading the user's own stream: the source of truth, so a
 * user created a moment ago can sign in at once, without waiting for a read model.
 *
 * A token that signed in is remembered for {@link ACTOR_REMEMBERED_MS}: every request (each command,
 * each statement) read the user's stream first, one query of the few a request makes. The price is
 * that a token replaced in another process of the ledger (another API instance) still works there for
 * up to that second; in the process that replaces it, `forget` drops it at once. A token that does not
 * sign in is never remembered, so a user registered a moment ago signs in at once, as before.
 */
@Injectable()
export class Authenticator {
  /** sha256 of a token → the actor it signed in as, and until when that is taken as read. */
  private readonly remembered = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly streams: StreamWriter,
    private readonly tokens: TokenIssuer,
  ) {}

  /** Drops what is remembered of a user's tokens: called when its token is replaced. */
  forget(userId: string): void {
    for (const [key, { actor }] of this.remembered) if (actor.userId === userId) this.remembered.delete(key);
  }

  async authenticate(token: string): Promise<Actor | undefined> {
    if (token.length === 0 || token.length > 512) return undefined;
    if (isStatementLinkToken(token)) return this.linkActor(token);
    const key = hashToken(token);
    const now = Date.now();
    const known = this.remembered.get(key);
    if (known && known.until > now) return known.actor;
    const actor = await this.readUser(token);
    if (actor) {
      if (this.remembered.size >= REMEMBERED_TOKENS) this.remembered.clear();
      this.remembered.set(key, { actor, until: now + ACTOR_REMEMBERED_MS });
    } else {
      this.remembered.delete(key);
    }
    return actor;
  }

  /** A clarity card's link: reads that one household's statement (the guard keeps it to those routes). */
  private linkActor(token: string): Actor | undefined {
    const link = this.tokens.readStatementLink(token);
    if (!link) return undefined;
    return {
      userId: `link:${link.householdId}`,
      role: 'household',
      townships: [],
      householdId: link.householdId,
      link: { expiresAt: link.expiresAt },
    };
  }

  private async readUser(token: string): Promise<Actor | undefined> {
    const named = userIdOfToken(token);
    const candidates = named === ADMIN_USER_ID ? [ADMIN_USER_ID] : [named, ADMIN_USER_ID];
    for (const userId of candidates) {
      if (!/^[A-Za-z0-9_-]{1,80}$/.test(userId)) continue;
      const { state } = await this.streams.read(userStream(userId), user);
      if (state.status === 'active' && tokenMatches(token, state.tokenHash)) {
        return {
          userId: state.userId,
          role: state.role,
          townships: state.townships,
          ...(state.householdId ? { householdId: state.householdId } : {}),
        };
      }
    }
    return undefined;
  }
}
