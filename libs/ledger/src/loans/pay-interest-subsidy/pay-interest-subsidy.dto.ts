import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';

/** One interest subsidy (贴息) paid to the household. */
export class PayInterestSubsidyRequest {
  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** Voucher or bank reference (凭证号). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @ApiPropertyOptional({ example: 'TX-2019-0003' })
  reference?: string;
}
