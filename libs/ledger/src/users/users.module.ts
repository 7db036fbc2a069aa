import { Module } from '@nestjs/common';
import { MeController } from './me/me.controller';
import { RegisterUserController } from './register-user/register-user.controller';
import { RegisterUserHandler } from './register-user/register-user.handler';

/** Users and their roles; authentication itself is in the ledger's core (Authenticator). */
@Module({
  controllers: [RegisterUserController, MeController],
  providers: [RegisterUserHandler],
})
export class UsersModule {}
