import { Module } from '@nestjs/common';
import { GetEntityController } from './get-entity/get-entity.controller';
import { GetEntityHandler } from './get-entity/get-entity.handler';
import { RegisterEntityController } from './register-entity/register-entity.controller';
import { RegisterEntityHandler } from './register-entity/register-entity.handler';

/**
 * Operating entities: registration and reading (their stakes are in ../stakes). Their yearly linkage
 * report reads the statements' and obligations' read models, so it lives with the statements
 * (../statements/get-entity-report), which import this folder and never the other way.
 */
@Module({
  controllers: [RegisterEntityController, GetEntityController],
  providers: [RegisterEntityHandler, GetEntityHandler],
})
export class EntitiesModule {}
