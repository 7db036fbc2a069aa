import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/**
 * Take back a payment recorded by mistake (wrong amount, wrong household, entered twice). The payment
 * stays on record, marked reversed, and no longer counts towards what is owed. Answers the reversal id.
 */
export class ReversePaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { paymentId: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
