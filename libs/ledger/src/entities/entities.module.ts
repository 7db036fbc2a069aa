import { Module } from '@nestjs/common';
import { GetEntityController } from './get-entity/get-entity.controller';
import { GetEntityHandler } from './get-entity/get-entity.handler';
import { GetEntityReportController } from './get-entity-report/get-entity-report.controller';
import { GetEntityReportHandler } from './get-entity-report/get-entity-report.handler';
import { RegisterEntityController } from './register-entity/register-entity.controller';
import { RegisterEntityHandler } from './register-entity/register-entity.handler';

/** Operating entities: registration, reading and their yearly linkage report (their stakes are in ../stakes). */
@Module({
  controllers: [RegisterEntityController, GetEntityController, GetEntityReportController],
  providers: [RegisterEntityHandler, GetEntityHandler, GetEntityReportHandler],
})
export class EntitiesModule {}
