import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record payment for produce delivered under an order; `id` of the result is the payment id. */
export class RecordPurchasePaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      orderId: string;
      /** Canonical decimal string, at most three decimals (see ../quantity.ts). */
      quantity: string;
      amountFen: number;
      deliveredOn: string;
      paidOn: string;
      reference?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
