import { Module } from '@nestjs/common';
import { AcknowledgeStatementController } from './acknowledge-statement/acknowledge-statement.controller';
import { AcknowledgeStatementHandler } from './acknowledge-statement/acknowledge-statement.handler';
import { GetEntityReportController } from './get-entity-report/get-entity-report.controller';
import { GetEntityReportHandler } from './get-entity-report/get-entity-report.handler';
import { GetStatementController } from './get-statement/get-statement.controller';
import { GetStatementHandler } from './get-statement/get-statement.handler';

/**
 * Household statements (明白卡): what each household received, from whom and why, as of any date; the
 * household's acknowledgement of one (its events and grievances are in ../acknowledgements); and, read
 * from the same lines and holdings by entity, an entity's yearly linkage report (带贫户数).
 */
@Module({
  controllers: [GetStatementController, AcknowledgeStatementController, GetEntityReportController],
  providers: [GetStatementHandler, AcknowledgeStatementHandler, GetEntityReportHandler],
  exports: [GetStatementHandler],
})
export class StatementsModule {}
