import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record a dividend paid to a household (or a village collective) allocated on a declaration. Answers the payment id as `id`. */
export class PayDividendCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      declarationId: string;
      /** The household paid; a collective paid names `collectiveId` instead. */
      householdId?: string;
      collectiveId?: string;
      amountFen: number;
      paidOn: string;
      reference?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
