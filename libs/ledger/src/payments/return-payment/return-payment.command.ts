import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { ReturnReason } from '../payment';

/**
 * Record that the bank sent a payment back (退回). The payment stays on record, marked returned, no
 * longer counts as received, and what it paid is owed again. Answers the payment id.
 */
export class ReturnPaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { paymentId: string; returnedOn: string; reason: ReturnReason; detail?: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
