import { IsLedgerDate, IsLedgerText } from '../../http/validators';

export class EndStakeRequest {
  /** Last day the stake is held (inclusive). */
  @IsLedgerDate()
  endsOn!: string;

  /** Why it ended: redeemed (赎回), transferred, term over… */
  @IsLedgerText({ max: 500, lineBreaks: true, example: '股金已赎回' })
  reason!: string;
}
