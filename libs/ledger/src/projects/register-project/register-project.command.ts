import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { ProjectRegistered } from '../project.events';

/** Enter a poverty-alleviation project (扶贫项目) in the ledger. Admins only. */
export class RegisterProjectCommand extends Command<WriteResult> {
  constructor(
    readonly payload: ProjectRegistered['data'],
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
