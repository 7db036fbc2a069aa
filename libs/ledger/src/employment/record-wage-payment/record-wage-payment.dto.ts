import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerMonth, IsLedgerText } from '../../http/validators';

export class RecordWagePaymentRequest {
  /** The month the wage is for. */
  @IsLedgerMonth()
  period!: string;

  @IsFen()
  amountFen!: number;

  @IsLedgerDate()
  paidOn!: string;

  /** Days worked in the month (出勤天数): required for day-rate wages, kept as attendance otherwise. */
  @IsOptional()
  @IsInt({ message: 'daysWorked must be a whole number of days from 0 to 31' })
  @Min(0, { message: 'daysWorked must be a whole number of days from 0 to 31' })
  @Max(31, { message: 'daysWorked must be a whole number of days from 0 to 31' })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 31 })
  daysWorked?: number;

  /** A further payment for a month already paid (补发). */
  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional({ default: false })
  supplementary?: boolean;

  /** Voucher number (凭证号). */
  @IsOptional()
  @IsLedgerText({ max: 100, required: false })
  reference?: string;
}
