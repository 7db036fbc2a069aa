import { Module } from '@nestjs/common';
import { AcknowledgeStatementController } from './acknowledge-statement/acknowledge-statement.controller';
import { AcknowledgeStatementHandler } from './acknowledge-statement/acknowledge-statement.handler';
import { ListGrievancesController } from './list-grievances/list-grievances.controller';

/** A household's acknowledgement (签字确认) of its statement, and the grievances its disputes open. */
@Module({
  controllers: [AcknowledgeStatementController, ListGrievancesController],
  providers: [AcknowledgeStatementHandler],
})
export class AcknowledgementsModule {}
