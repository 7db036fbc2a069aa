import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { HouseholdRegistered } from '../household.events';

/** Enter a poor household in the register. */
export class RegisterHouseholdCommand extends Command<WriteResult> {
  constructor(
    readonly payload: HouseholdRegistered['data'],
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
