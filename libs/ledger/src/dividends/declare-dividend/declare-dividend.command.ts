import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** What a declaration answers: its id, the position, and what each stake was allocated. */
export type DeclareDividendResult = WriteResult & {
  /** One per stake; a collective's stake names `collectiveId` in place of `householdId`. */
  allocations: ({ stakeId: string; amountFen: number } & ({ householdId: string } | { collectiveId: string }))[];
};

/** Declare an entity's dividend (分红) for a period, split over the stakes active on the record date. */
export class DeclareDividendCommand extends Command<DeclareDividendResult> {
  constructor(
    readonly payload: {
      declarationId: string;
      entityId: string;
      period: string;
      declaredOn: string;
      recordDate: string;
      poolFen?: number;
      supplementary?: boolean;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
