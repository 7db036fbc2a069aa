import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsLedgerDate } from '../../http/validators';

/** An early end of a lease. */
export class EndLeaseRequest {
  /** The new last day of the term (inclusive): on or after its start, before its current end. */
  @IsLedgerDate()
  endsOn!: string;

  @IsString()
  @Length(1, 500)
  @ApiProperty({ example: '经营主体退出流转' })
  reason!: string;
}
