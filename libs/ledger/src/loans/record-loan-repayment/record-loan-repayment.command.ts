import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { RepaidBy } from '../loan.events';

/** Record principal and/or interest repaid to the bank on a loan. Answers the repayment's payment id. */
export class RecordLoanRepaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      loanId: string;
      principalFen: number;
      interestFen: number;
      paidOn: string;
      paidBy: RepaidBy;
      reference?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
