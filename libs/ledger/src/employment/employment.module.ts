import { Module } from '@nestjs/common';
import { EndEmploymentController } from './end-employment/end-employment.controller';
import { EndEmploymentHandler } from './end-employment/end-employment.handler';
import { GetEmploymentController } from './get-employment/get-employment.controller';
import { GetEmploymentHandler } from './get-employment/get-employment.handler';
import { RecordWagePaymentController } from './record-wage-payment/record-wage-payment.controller';
import { RecordWagePaymentHandler } from './record-wage-payment/record-wage-payment.handler';
import { StartEmploymentController } from './start-employment/start-employment.controller';
import { StartEmploymentHandler } from './start-employment/start-employment.handler';

/** Employment of household members (劳务联结) and monthly wage payments. */
@Module({
  controllers: [
    StartEmploymentController,
    RecordWagePaymentController,
    EndEmploymentController,
    GetEmploymentController,
  ],
  providers: [StartEmploymentHandler, RecordWagePaymentHandler, EndEmploymentHandler, GetEmploymentHandler],
})
export class EmploymentModule {}
