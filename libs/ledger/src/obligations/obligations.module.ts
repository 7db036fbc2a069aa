import { Module } from '@nestjs/common';
import { GetObligationsController } from './get-obligations/get-obligations.controller';
import { GetObligationsHandler } from './get-obligations/get-obligations.handler';

/** The arrears list (应付未付): what each entity owes households and has paid, as of any instant. */
@Module({
  controllers: [GetObligationsController],
  providers: [GetObligationsHandler],
})
export class ObligationsModule {}
