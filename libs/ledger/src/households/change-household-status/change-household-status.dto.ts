import { IsIn, IsString, Length } from 'class-validator';
import { IsLedgerDate } from '../../http/validators';
import type { HouseholdStatus } from '../household.events';

export class ChangeHouseholdStatusRequest {
  @IsIn(['enrolled', 'exited', 'monitored'])
  status!: HouseholdStatus;

  @IsLedgerDate()
  effectiveOn!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;
}
