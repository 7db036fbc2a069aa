import { Module } from '@nestjs/common';
import { ChangeHouseholdStatusController } from './change-household-status/change-household-status.controller';
import { ChangeHouseholdStatusHandler } from './change-household-status/change-household-status.handler';
import { GetHouseholdController } from './get-household/get-household.controller';
import { GetHouseholdHandler } from './get-household/get-household.handler';
import { ListHouseholdsController } from './list-households/list-households.controller';
import { ListHouseholdsHandler } from './list-households/list-households.handler';
import { RegisterHouseholdController } from './register-household/register-household.controller';
import { RegisterHouseholdHandler } from './register-household/register-household.handler';

/** Registered poor households (建档立卡户): registration, status changes, reading. */
@Module({
  controllers: [
    RegisterHouseholdController,
    ChangeHouseholdStatusController,
    GetHouseholdController,
    ListHouseholdsController,
  ],
  providers: [RegisterHouseholdHandler, ChangeHouseholdStatusHandler, GetHouseholdHandler, ListHouseholdsHandler],
})
export class HouseholdsModule {}
