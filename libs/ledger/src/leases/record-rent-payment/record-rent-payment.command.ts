import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record that the entity paid (part of) one period's rent to the household. Answers the payment id. */
export class RecordRentPaymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { leaseId: string; period: string; amountFen: number; paidOn: string; reference?: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
