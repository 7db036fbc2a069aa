import { Module } from '@nestjs/common';
import { GetArrearsController } from './get-arrears/get-arrears.controller';
import { GetArrearsHandler } from './get-arrears/get-arrears.handler';
import { GetObligationsController } from './get-obligations/get-obligations.controller';
import { GetObligationsHandler } from './get-obligations/get-obligations.handler';
import { GetHouseholdObligationsController } from './get-household-obligations/get-household-obligations.controller';
import { GetHouseholdObligationsHandler } from './get-household-obligations/get-household-obligations.handler';

/** The arrears list (应付未付): what each entity owes households and has paid, as of any instant; the county's by entity. */
@Module({
  controllers: [GetObligationsController, GetHouseholdObligationsController, GetArrearsController],
  providers: [GetObligationsHandler, GetHouseholdObligationsHandler, GetArrearsHandler],
})
export class ObligationsModule {}
