import { IsOptional } from 'class-validator';
import { IsLedgerDate, IsLedgerText } from '../../http/validators';

/** The new transfer that pays a returned payment again. */
export class ReissuePaymentRequest {
  @IsLedgerDate()
  paidOn!: string;

  /** Voucher or bank reference (凭证号) of the new transfer. */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false, example: 'PZ-2018-0031' })
  reference?: string;
}
