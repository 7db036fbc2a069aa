import type { Actor } from '../../common/actor';
import type { UserEvent } from '../../auth/user.events';
import type { UserState } from '../../auth/user.state';
import { ADMIN_USER_ID } from '../../auth/user.events';

/** The service itself, when it records something at start (the bootstrap admin). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'admin', townships: [] };

/**
 * At every start the bootstrap admin must exist with the configured token: registered the first
 * time, its token replaced when the configuration changed, nothing recorded otherwise.
 */
export function decideEnsureAdmin(tokenHash: string, state: UserState): UserEvent[] {
  if (state.status === 'none') {
    return [
      {
        type: 'UserRegistered',
        data: { userId: ADMIN_USER_ID, name: 'Administrator', role: 'admin', townships: [], tokenHash },
      },
    ];
  }
  if (state.tokenHash !== tokenHash) {
    return [
      {
        type: 'UserTokenReplaced',
        data: { userId: ADMIN_USER_ID, tokenHash, reason: 'the configured admin token changed' },
      },
    ];
  }
  return [];
}
