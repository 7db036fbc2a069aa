import { IsLedgerDate, IsLedgerText } from '../../http/validators';

/** An early end of a lease. */
export class EndLeaseRequest {
  /** The new last day of the term (inclusive): on or after its start, before its current end. */
  @IsLedgerDate()
  endsOn!: string;

  @IsLedgerText({ max: 500, lineBreaks: true, example: '经营主体退出流转' })
  reason!: string;
}
