import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { ObjectionOutcome } from '../notice.events';

/** Answer an objection to a notice, or a household's grievance (a disputed acknowledgement). */
export class ResolveObjectionCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { objectionId: string; outcome: ObjectionOutcome; response: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
