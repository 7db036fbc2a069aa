import { Module } from '@nestjs/common';
import { GetEntityController } from './get-entity/get-entity.controller';
import { GetEntityHandler } from './get-entity/get-entity.handler';
import { RegisterEntityController } from './register-entity/register-entity.controller';
import { RegisterEntityHandler } from './register-entity/register-entity.handler';

/** Operating entities: registration and reading (their stakes are in ../stakes). */
@Module({
  controllers: [RegisterEntityController, GetEntityController],
  providers: [RegisterEntityHandler, GetEntityHandler],
})
export class EntitiesModule {}
