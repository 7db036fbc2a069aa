import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { loadOrCreateSecret, RuntimeConfig } from '@ledger/runtime';
import { StreamWriter } from './common/stream-writer';
import { ChangeHouseholdStatusController } from './households/change-household-status/change-household-status.controller';
import { ChangeHouseholdStatusHandler } from './households/change-household-status/change-household-status.handler';
import { GetHouseholdController } from './households/get-household/get-household.controller';
import { GetHouseholdHandler } from './households/get-household/get-household.handler';
import { RegisterHouseholdController } from './households/register-household/register-household.controller';
import { RegisterHouseholdHandler } from './households/register-household/register-household.handler';
import { Authenticator } from './users/authenticator';
import { AdminBootstrap } from './users/ensure-admin/admin-bootstrap';
import { RegisterUserController } from './users/register-user/register-user.controller';
import { RegisterUserHandler } from './users/register-user/register-user.handler';
import { TokenIssuer } from './users/tokens';

/** The write side and the queries of the ledger, one slice per capability. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    RegisterUserController,
    RegisterHouseholdController,
    ChangeHouseholdStatusController,
    GetHouseholdController,
  ],
  providers: [
    StreamWriter,
    Authenticator,
    AdminBootstrap,
    {
      provide: TokenIssuer,
      inject: [RuntimeConfig],
      useFactory: async (config: RuntimeConfig) =>
        new TokenIssuer(
          config.LEDGER_TOKEN_SECRET ?? (await loadOrCreateSecret(config.LEDGER_DATA_DIR, 'token-secret')).value,
        ),
    },
    RegisterUserHandler,
    RegisterHouseholdHandler,
    ChangeHouseholdStatusHandler,
    GetHouseholdHandler,
  ],
  exports: [StreamWriter, Authenticator, AdminBootstrap, TokenIssuer],
})
export class LedgerModule {}
