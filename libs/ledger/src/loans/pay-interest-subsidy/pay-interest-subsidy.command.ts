import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record a fiscal interest subsidy (贴息) paid to the household on a loan. Answers the payment id. */
export class PayInterestSubsidyCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { loanId: string; amountFen: number; paidOn: string; reference?: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
