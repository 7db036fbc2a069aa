import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { LoanSubsidyTerms, LoanUse } from '../loan.events';

/** Record a poverty micro-credit loan a bank lent a household (扶贫小额信贷). */
export class RecordLoanCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      /** The new loan's id (its stream), chosen by the controller. */
      loanId: string;
      householdId: string;
      lender: string;
      contractNo?: string;
      principalFen: number;
      annualRateBp: number;
      disbursedOn: string;
      maturesOn: string;
      use: LoanUse;
      entityId?: string;
      subsidy?: LoanSubsidyTerms;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
