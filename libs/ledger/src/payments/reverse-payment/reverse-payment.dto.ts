import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Why a payment is taken back. */
export class ReversePaymentRequest {
  @IsString()
  @Length(1, 500)
  @ApiProperty({ example: '重复录入，凭证号 PZ-2018-0012 已记过一次' })
  reason!: string;
}
