import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record a dividend paid to a household allocated on a declaration. Answers the payment id as `id`. */
export class PayDividendCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      declarationId: string;
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
