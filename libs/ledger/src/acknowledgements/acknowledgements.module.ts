import { Module } from '@nestjs/common';
import { ListGrievancesController } from './list-grievances/list-grievances.controller';

/**
 * A household's acknowledgements (签字确认) of its statement, and the grievances its disputes open.
 * Acknowledging compares the statement's total, so that command lives with the statement
 * (../statements/acknowledge-statement), which imports this folder and never the other way.
 */
@Module({
  controllers: [ListGrievancesController],
})
export class AcknowledgementsModule {}
