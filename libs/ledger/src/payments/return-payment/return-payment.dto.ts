import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLedgerDate, IsLedgerText } from '../../http/validators';
import { RETURN_REASONS, type ReturnReason } from '../payment';

/** What the bank said when it sent the money back (its return slip or file). */
export class ReturnPaymentRequest {
  @IsLedgerDate()
  returnedOn!: string;

  @IsIn(RETURN_REASONS, { message: `reason must be one of: ${RETURN_REASONS.join(', ')}` })
  @ApiProperty({ enum: RETURN_REASONS })
  reason!: ReturnReason;

  @IsOptional()
  @IsLedgerText({ max: 500, required: false, example: '账户已销户' })
  detail?: string;
}
