import { Module } from '@nestjs/common';
import { MeController } from './me/me.controller';
import { RegisterUserController } from './register-user/register-user.controller';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { UserSummaryController } from './user-summary/user-summary.controller';
import { GetUserSummaryHandler } from './user-summary/user-summary.handler';

/**
 * Registering users and reading them. The user's stream (its events and state), its tokens and the
 * Authenticator are in ../auth, which the HTTP layer's guard imports too: users/ has routes, so it
 * imports http/, and http/ must never import it back.
 */
@Module({
  controllers: [RegisterUserController, MeController, UserSummaryController],
  providers: [RegisterUserHandler, GetUserSummaryHandler],
})
export class UsersModule {}
