import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

export interface EndLeaseResult extends WriteResult {
  /** The rent schedule recomputed for the shortened term. */
  dues: { period: string; dueOn: string; amountFen: number }[];
}

/** End a lease before its term is over (land taken back, entity withdrew…); the rent schedule is recomputed. */
export class EndLeaseCommand extends Command<EndLeaseResult> {
  constructor(
    readonly payload: { leaseId: string; endsOn: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
