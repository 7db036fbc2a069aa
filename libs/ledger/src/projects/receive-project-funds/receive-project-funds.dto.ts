import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';
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
  @IsLedgerText({ max: 200, example: '英财农〔2018〕12号' })
  documentRef!: string;

  @IsLedgerDate()
  receivedOn!: string;
}
