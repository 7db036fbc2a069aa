import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsLedgerDate } from '../../http/validators';

/** A household as the register records it. */
export class RegisterHouseholdRequest {
  /** Registration number (建档立卡编号), unique across the ledger. */
  @IsString()
  @Length(1, 40)
  registrationNo!: string;

  /** Name of the head of household (户主). */
  @IsString()
  @Length(1, 50)
  headName!: string;

  /** Number of people in the household. */
  @IsInt()
  @Min(1)
  @Max(50)
  members!: number;

  @IsString()
  @Length(1, 50)
  village!: string;

  @IsString()
  @Length(1, 50)
  township!: string;

  /** County or district (县/区). */
  @IsString()
  @Length(1, 50)
  county!: string;

  @IsOptional()
  @IsLedgerDate(undefined, { required: false })
  @ApiPropertyOptional()
  enrolledOn?: string;
}
