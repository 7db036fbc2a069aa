import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';
import { REPAID_BY, type RepaidBy } from '../loan.events';

/** One repayment, as on the bank's repayment list or slip. */
export class RecordLoanRepaymentRequest {
  /** Principal repaid, in fen; 0 when only interest is paid (not both 0). */
  @IsFen({ allowZero: true, description: 'Principal repaid, in fen (0 allowed, not together with interestFen 0)' })
  @ValidateBy({
    name: 'notBothZero',
    validator: {
      validate: (value: unknown, args) =>
        !(value === 0 && (args?.object as RecordLoanRepaymentRequest).interestFen === 0),
      defaultMessage: () => 'principalFen and interestFen cannot both be 0',
    },
  })
  principalFen!: number;

  @IsFen({ allowZero: true, description: 'Interest repaid, in fen (0 allowed)' })
  interestFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** The household, or for a loan invested in an entity (户贷企用) the entity. */
  @IsIn(REPAID_BY, { message: `paidBy must be one of: ${REPAID_BY.join(', ')}` })
  @ApiProperty({ enum: REPAID_BY })
  paidBy!: RepaidBy;

  /** Voucher or bank reference (凭证号). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @ApiPropertyOptional({ example: 'HK-2019-0007' })
  reference?: string;
}
