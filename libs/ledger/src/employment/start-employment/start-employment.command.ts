import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { WageBasis } from '../employment.events';

/** Record that a household member starts working for an entity (劳务联结). */
export class StartEmploymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      employmentId: string;
      entityId: string;
      householdId: string;
      workerName: string;
      startsOn: string;
      wageBasis: WageBasis;
      rateFen: number;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
