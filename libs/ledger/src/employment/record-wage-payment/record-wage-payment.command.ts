import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record wages paid to a worker for one month; `id` of the result is the payment id. */
export class RecordWagePaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      employmentId: string;
      period: string;
      amountFen: number;
      paidOn: string;
      daysWorked?: number;
      supplementary?: boolean;
      reference?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
