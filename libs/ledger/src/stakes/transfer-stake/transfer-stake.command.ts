import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Move a fiscal-fund stake's shares to another household (动态调整), as of a date. */
export class TransferStakeCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { stakeId: string; entityId: string; toHouseholdId: string; effectiveOn: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
