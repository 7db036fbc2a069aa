import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import type { EntityRegistered } from '../entity.events';

/** Register an operating entity (company, cooperative, village collective, base, satellite factory, PV station). */
export class RegisterEntityCommand extends Command<WriteResult> {
  constructor(
    readonly payload: EntityRegistered['data'],
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
