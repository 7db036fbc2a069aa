import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { Guarantor } from '../../primitives/guarantee';

/** Record that the guarantor paid (part of) one guarantee period's shortfall (保底补足). Answers the payment id. */
export class TopUpGuaranteeCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      stakeId: string;
      period: string;
      amountFen: number;
      paidOn: string;
      payer: Guarantor;
      reference?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
