import { Module } from '@nestjs/common';
import { GetFundFlowController } from './get-fund-flow/get-fund-flow.controller';
import { GetFundFlowHandler } from './get-fund-flow/get-fund-flow.handler';

/** The auditors' fund flow (资金流向): fund source → project → entity → stake → household. */
@Module({
  controllers: [GetFundFlowController],
  providers: [GetFundFlowHandler],
})
export class FundFlowModule {}
