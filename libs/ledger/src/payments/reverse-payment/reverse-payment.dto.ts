import { IsLedgerText } from '../../http/validators';

/** Why a payment is taken back. */
export class ReversePaymentRequest {
  @IsLedgerText({ max: 500, lineBreaks: true, example: '重复录入，凭证号 PZ-2018-0012 已记过一次' })
  reason!: string;
}
