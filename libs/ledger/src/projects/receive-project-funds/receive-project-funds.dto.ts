import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';
import { FUND_SOURCES, type FundSource } from '../project.events';

/** Money a project received from one fund source. */
export class ReceiveProjectFundsRequest {
  /** Central, provincial, municipal, county fiscal funds, social investment, or poverty micro-credit. */
  @IsIn(FUND_SOURCES)
  @ApiProperty({ enum: FUND_SOURCES })
  source!: FundSource;

  @IsFen()
  amountFen!: number;

  /** The document the money came under (allocation notice, voucher number). */
  @IsString()
  @Length(1, 200)
  @ApiProperty({ example: '英财农〔2018〕12号' })
  documentRef!: string;

  @IsLedgerDate()
  receivedOn!: string;
}
