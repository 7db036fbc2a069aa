import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record a household's share of a collective's distribution paid to it. Answers the payment id as `id`. */
export class PayDistributionCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      distributionId: string;
      householdId: string;
      amountFen: number;
      paidOn: string;
      reference?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
