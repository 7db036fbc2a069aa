import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record that a stake ended (redeemed, transferred, term over) on a date. */
export class EndStakeCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { stakeId: string; entityId: string; endsOn: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
