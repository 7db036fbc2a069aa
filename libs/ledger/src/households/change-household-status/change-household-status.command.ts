import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { HouseholdStatus } from '../household.events';

/** Record that a household exited poverty, came under monitoring, or was enrolled again. */
export class ChangeHouseholdStatusCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { householdId: string; status: HouseholdStatus; effectiveOn: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
