import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Object (异议) to a notice while it is open: to one row, or to the list as a whole. */
export class RaiseObjectionCommand extends Command<WriteResult> {
  constructor(
    readonly payload: { noticeId: string; rowId?: string; text: string; contact?: string },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
