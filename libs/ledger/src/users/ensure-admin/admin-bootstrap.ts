import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadOrCreateSecret, RuntimeConfig } from '@ledger/runtime';
import { StreamWriter } from '../../common/stream-writer';
import { Authenticator } from '../../auth/authenticator';
import { hashToken } from '../../auth/tokens';
import { ADMIN_USER_ID } from '../../auth/user.events';
import { user, userStream } from '../../auth/user.state';
import { decideEnsureAdmin, SYSTEM_ACTOR } from './ensure-admin.decide';

/** How the admin token was obtained at this start, for the start-up banner. */
export type AdminTokenSource =
  { kind: 'configured' } | { kind: 'generated'; token: string; path: string } | { kind: 'kept'; path: string };

/**
 * Ensures the bootstrap admin at start: LEDGER_ADMIN_TOKEN when set; otherwise a token generated
 * on first start and kept in the data directory.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');
  source: AdminTokenSource = { kind: 'configured' };

  constructor(
    private readonly config: RuntimeConfig,
    private readonly streams: StreamWriter,
    private readonly authenticator: Authenticator,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let token = this.config.LEDGER_ADMIN_TOKEN;
    if (!token) {
      const secret = await loadOrCreateSecret(
        this.config.LEDGER_DATA_DIR,
        'admin-token',
        () => `${ADMIN_USER_ID}.${randomBytes(32).toString('base64url')}`,
      );
      token = secret.value;
      this.source = secret.created
        ? { kind: 'generated', token, path: secret.path }
        : { kind: 'kept', path: secret.path };
    }
    const tokenHash = hashToken(token);
    const { events } = await this.streams.decide(
      userStream(ADMIN_USER_ID),
      user,
      (state) => decideEnsureAdmin(tokenHash, state),
      {
        actor: SYSTEM_ACTOR,
        commandId: randomUUID(),
        issuedAt: new Date().toISOString(),
        correlationId: randomUUID(),
      },
    );
    // A replaced token stops working in this process at once (the authenticator remembers actors for a second).
    if (events.some((e) => e.type === 'UserTokenReplaced')) this.authenticator.forget(ADMIN_USER_ID);
    if (events.length > 0)
      this.logger.log(`bootstrap admin ${events[0].type === 'UserRegistered' ? 'registered' : 'token replaced'}`);
  }
}
