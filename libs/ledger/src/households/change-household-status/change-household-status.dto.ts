import { IsIn } from 'class-validator';
import { IsLedgerDate, IsLedgerText } from '../../http/validators';
import type { HouseholdStatus } from '../household.events';

export class ChangeHouseholdStatusRequest {
  @IsIn(['enrolled', 'exited', 'monitored'])
  status!: HouseholdStatus;

  @IsLedgerDate()
  effectiveOn!: string;

  @IsLedgerText({ max: 500, lineBreaks: true })
  reason!: string;
}
