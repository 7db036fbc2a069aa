import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { GuaranteeSchedule, Guarantor } from '../../shared/guarantee';
import type { StakeSource } from '../stake.events';

/** Record an equity stake (股份联结) held for a household in an entity. */
export class AcquireStakeCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      entityId: string;
      householdId: string;
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
