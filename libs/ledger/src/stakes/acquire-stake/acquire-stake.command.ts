import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { GuaranteeSchedule, Guarantor } from '../../primitives/guarantee';
import type { StakeSource } from '../stake.events';

/** Record an equity stake (股份联结) held for a household, or a village collective, in an entity. */
export class AcquireStakeCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      entityId: string;
      /** The household the stake is held for; a village collective's stake names `collectiveId` instead. */
      householdId?: string;
      collectiveId?: string;
      projectId?: string;
      source: StakeSource;
      loanId?: string;
      principalFen: number;
      shares: number;
      guaranteedYearlyFen?: number;
      guaranteeSchedule?: GuaranteeSchedule;
      guarantor?: Guarantor;
      startsOn: string;
      endsOn?: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
