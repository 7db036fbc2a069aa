import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsLedgerDate, IsLedgerText } from '../../http/validators';

/** A household as the register records it. */
export class RegisterHouseholdRequest {
  /** Registration number (建档立卡编号), unique across the ledger. */
  @IsLedgerText({ max: 40 })
  registrationNo!: string;

  /** Name of the head of household (户主). */
  @IsLedgerText({ max: 50 })
  headName!: string;

  /** Number of people in the household. */
  @IsInt()
  @Min(1)
  @Max(50)
  members!: number;

  @IsLedgerText({ max: 50 })
  village!: string;

  @IsLedgerText({ max: 50 })
  township!: string;

  /** County or district (县/区). */
  @IsLedgerText({ max: 50 })
  county!: string;

  @IsOptional()
  @IsLedgerDate(undefined, { required: false })
  @ApiPropertyOptional()
  enrolledOn?: string;
}
