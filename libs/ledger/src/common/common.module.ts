import { Global, Module } from '@nestjs/common';
import { loadOrCreateSecret, RuntimeConfig } from '@ledger/runtime';
import { Authenticator } from '../users/authenticator';
import { TokenIssuer } from '../users/tokens';
import { ProjectionsHost } from '../projections/projections-host';
import { StreamWriter } from './stream-writer';

/** What every slice uses: the stream writer, authentication and token issuing. */
@Global()
@Module({
  providers: [
    StreamWriter,
    Authenticator,
    ProjectionsHost,
    {
      provide: TokenIssuer,
      inject: [RuntimeConfig],
      useFactory: async (config: RuntimeConfig) =>
        new TokenIssuer(
          config.LEDGER_TOKEN_SECRET ?? (await loadOrCreateSecret(config.LEDGER_DATA_DIR, 'token-secret')).value,
        ),
    },
  ],
  exports: [StreamWriter, Authenticator, TokenIssuer, ProjectionsHost],
})
export class LedgerCommonModule {}
