import { Module } from '@nestjs/common';
import { GetLoanController } from './get-loan/get-loan.controller';
import { GetLoanHandler } from './get-loan/get-loan.handler';
import { LoanBookController } from './loan-book/loan-book.controller';
import { GetLoanBookHandler } from './loan-book/loan-book.handler';
import { PayInterestSubsidyController } from './pay-interest-subsidy/pay-interest-subsidy.controller';
import { PayInterestSubsidyHandler } from './pay-interest-subsidy/pay-interest-subsidy.handler';
import { RecordLoanRepaymentController } from './record-loan-repayment/record-loan-repayment.controller';
import { RecordLoanRepaymentHandler } from './record-loan-repayment/record-loan-repayment.handler';
import { RecordLoanController } from './record-loan/record-loan.controller';
import { RecordLoanHandler } from './record-loan/record-loan.handler';

/** Poverty micro-credit (扶贫小额信贷): loans, repayments (by the household or, 户贷企用, the entity), interest subsidies. */
@Module({
  controllers: [
    RecordLoanController,
    RecordLoanRepaymentController,
    PayInterestSubsidyController,
    GetLoanController,
    LoanBookController,
  ],
  providers: [
    RecordLoanHandler,
    RecordLoanRepaymentHandler,
    PayInterestSubsidyHandler,
    GetLoanHandler,
    GetLoanBookHandler,
  ],
})
export class LoansModule {}
