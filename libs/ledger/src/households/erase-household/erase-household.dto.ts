import { IsLedgerText } from '../../http/validators';

export class EraseHouseholdRequest {
  /** The admin's reason (a ticket, the date of the household's request): kept readable, so name no one. */
  @IsLedgerText({ max: 500, lineBreaks: true })
  reason!: string;
}
