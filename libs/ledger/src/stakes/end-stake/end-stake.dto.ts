import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsLedgerDate } from '../../http/validators';

export class EndStakeRequest {
  /** Last day the stake is held (inclusive). */
  @IsLedgerDate()
  endsOn!: string;

  /** Why it ended: redeemed (赎回), transferred, term over… */
  @IsString()
  @Length(1, 500)
  @ApiProperty({ example: '股金已赎回' })
  reason!: string;
}
