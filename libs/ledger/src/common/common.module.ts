import { Global, Module } from '@nestjs/common';
import { Database, loadOrCreateSecret, RuntimeConfig } from '@ledger/runtime';
import { HouseholdKeys } from '../personal-data/household-keys';
import { Authenticator } from '../users/authenticator';
import { TokenIssuer } from '../users/tokens';
import { ProjectionsHost } from '../projections/projections-host';
import { useCursorSecret } from './page';
import { StreamWriter } from './stream-writer';

/** What every slice uses: the stream writer, authentication, token issuing and the households' keys. */
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
