import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { DistributionBasis } from '../collective.events';

/** What a distribution answers: its id, the position, and each household's part. */
export type DeclareDistributionResult = WriteResult & { allocations: { householdId: string; amountFen: number }[] };

/** Declare a village collective's distribution (二次分配) of its income over households. */
export class DeclareDistributionCommand extends Command<DeclareDistributionResult> {
  constructor(
    readonly payload: {
      collectiveId: string;
      period: string;
      declaredOn: string;
      poolFen: number;
      basis: DistributionBasis;
      households: { householdId: string; weight?: number }[];
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
