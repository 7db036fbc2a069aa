import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsLedgerDate } from '../../http/validators';

export class EndEmploymentRequest {
  /** Last day of the employment. */
  @IsLedgerDate()
  endsOn!: string;

  @IsString()
  @Length(1, 500)
  @ApiProperty({ example: '季节性用工结束' })
  reason!: string;
}
