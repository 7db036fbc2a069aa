import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerPeriod, IsLedgerText } from '../../http/validators';
import { GUARANTORS, type Guarantor } from '../../primitives/guarantee';

/** A top-up of a guaranteed dividend, as on the voucher of whoever covered the shortfall. */
export class TopUpGuaranteeRequest {
  /** A guarantee period of the stake: `2018`, `2018-H1`, `2018-Q3`, as its schedule has them. */
  @IsLedgerPeriod()
  period!: string;

  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** Who paid: must be the stake's guarantor. */
  @IsIn(GUARANTORS, { message: `payer must be one of: ${GUARANTORS.join(', ')}` })
  @ApiProperty({ enum: GUARANTORS })
  payer!: Guarantor;

  /** Voucher or bank reference (凭证号). */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false, example: 'PZ-2019-0031' })
  reference?: string;
}
