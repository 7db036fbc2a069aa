import { IsOptional } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerPeriod, IsLedgerText } from '../../http/validators';

/** One rent payment, as on the entity's rent roster (租金表) or a bank slip. */
export class RecordRentPaymentRequest {
  /** A period of the lease's schedule: `2018`, `2018-H1`, `2018-Q3`. */
  @IsLedgerPeriod()
  period!: string;

  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** Voucher or bank reference (凭证号). */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false, example: 'PZ-2018-0012' })
  reference?: string;
}
