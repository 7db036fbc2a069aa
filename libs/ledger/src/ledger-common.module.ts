import { Global, Module } from '@nestjs/common';
import { Database, loadOrCreateSecret, RuntimeConfig } from '@ledger/runtime';
import { HouseholdKeys } from './personal-data/household-keys';
import { Authenticator } from './auth/authenticator';
import { TokenIssuer } from './auth/tokens';
import { ProjectionsHost } from './projections/projections-host';
import { useCursorSecret } from './common/page';
import { StreamWriter } from './common/stream-writer';

/**
 * What every capability uses: the stream writer, authentication, token issuing, the projections' host
 * and the households' keys. Wired here at the root, beside LedgerModule, because it gathers providers
 * of several folders (common, users, projections, personal-data) that common/ itself must not import.
 */
@Global()
@Module({
  providers: [
    StreamWriter,
    Authenticator,
    ProjectionsHost,
    { provide: HouseholdKeys, inject: [Database], useFactory: (db: Database) => new HouseholdKeys(db.pool) },
    {
      provide: TokenIssuer,
      inject: [RuntimeConfig],
      useFactory: async (config: RuntimeConfig) => {
        const secret =
          config.LEDGER_TOKEN_SECRET ?? (await loadOrCreateSecret(config.LEDGER_DATA_DIR, 'token-secret')).value;
        // List cursors are sealed under a key derived from the same secret (see page.ts).
        useCursorSecret(secret);
        return new TokenIssuer(secret);
      },
    },
  ],
  exports: [StreamWriter, Authenticator, TokenIssuer, ProjectionsHost, HouseholdKeys],
})
export class LedgerCommonModule {}
