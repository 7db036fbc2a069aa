import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Pay a returned payment again (重新发放): same household, amount and period. Answers the new payment id. */
export class ReissuePaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { paymentId: string; paidOn: string; reference?: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
