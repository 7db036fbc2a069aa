import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/actor';
import { StreamWriter } from '../common/stream-writer';
import { ADMIN_USER_ID } from './user.events';
import { isStatementLinkToken, TokenIssuer, tokenMatches, userIdOfToken } from './tokens';
import { user, userStream } from './user.state';

/**
 * Turns a bearer token into an actor by reading the user's own stream: the source of truth, so a
 * user created a moment ago can sign in at once, without waiting for a read model.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly streams: StreamWriter,
    private readonly tokens: TokenIssuer,
  ) {}

  async authenticate(token: string): Promise<Actor | undefined> {
    if (token.length === 0 || token.length > 512) return undefined;
    if (isStatementLinkToken(token)) {
      // A clarity card's link: reads that one household's statement (the guard keeps it to those routes).
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
