import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Erase a household's personal data for good (PIPL): its key is destroyed, amounts stay. */
export class EraseHouseholdCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { householdId: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
