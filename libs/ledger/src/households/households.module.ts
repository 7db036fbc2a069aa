import { Module } from '@nestjs/common';
import { ChangeHouseholdStatusController } from './change-household-status/change-household-status.controller';
import { ChangeHouseholdStatusHandler } from './change-household-status/change-household-status.handler';
import { EraseHouseholdController } from './erase-household/erase-household.controller';
import { EraseHouseholdHandler } from './erase-household/erase-household.handler';
import { GetHouseholdController } from './get-household/get-household.controller';
import { GetHouseholdHandler } from './get-household/get-household.handler';
import { RegisterHouseholdController } from './register-household/register-household.controller';
import { RegisterHouseholdHandler } from './register-household/register-household.handler';

/** Registered poor households (建档立卡户): registration, status changes, erasure, reading. */
@Module({
  controllers: [
    RegisterHouseholdController,
    ChangeHouseholdStatusController,
    EraseHouseholdController,
    GetHouseholdController,
  ],
  providers: [RegisterHouseholdHandler, ChangeHouseholdStatusHandler, EraseHouseholdHandler, GetHouseholdHandler],
})
export class HouseholdsModule {}
