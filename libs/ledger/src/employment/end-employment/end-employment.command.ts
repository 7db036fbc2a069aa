import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record that an employment ended (the worker left, the season closed). */
export class EndEmploymentCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { employmentId: string; endsOn: string; reason: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
