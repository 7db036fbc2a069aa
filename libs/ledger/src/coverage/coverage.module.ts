import { Module } from '@nestjs/common';
import { CoverageController } from './coverage.controller';
import { GetCoverageHandler } from './coverage.handler';
import { PaymentsMonthController } from './payments-month/payments-month.controller';
import { GetPaymentsMonthHandler } from './payments-month/payments-month.handler';

/** Coverage: every poor household linked to at least one industry, by place; and the month's payments to them. */
@Module({
  controllers: [CoverageController, PaymentsMonthController],
  providers: [GetCoverageHandler, GetPaymentsMonthHandler],
})
export class CoverageModule {}
