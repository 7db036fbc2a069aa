import { IsLedgerDate, IsLedgerText } from '../../http/validators';

export class EndEmploymentRequest {
  /** Last day of the employment. */
  @IsLedgerDate()
  endsOn!: string;

  @IsLedgerText({ max: 500, lineBreaks: true, example: '季节性用工结束' })
  reason!: string;
}
