import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { ReconciliationView } from '../reconciliation.view';

/** Record the returns a kept reconciliation decided and that are not on their payments yet. */
export class ApplyPendingReturnsCommand extends Command<ReconciliationView> {
  constructor(
    readonly reconciliationId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
