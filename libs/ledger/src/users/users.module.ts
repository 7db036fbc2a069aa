import { Module } from '@nestjs/common';
import { MeController } from './me/me.controller';
import { RegisterUserController } from './register-user/register-user.controller';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { UserSummaryController } from './user-summary/user-summary.controller';
import { GetUserSummaryHandler } from './user-summary/user-summary.handler';

/** Users and their roles; authentication itself is in the ledger's core (Authenticator). */
@Module({
  controllers: [RegisterUserController, MeController, UserSummaryController],
  providers: [RegisterUserHandler, GetUserSummaryHandler],
})
export class UsersModule {}
