import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../entity.state';
import { RegisterEntityCommand } from './register-entity.command';
import { decideRegisterEntity } from './register-entity.decide';

@CommandHandler(RegisterEntityCommand)
export class RegisterEntityHandler implements ICommandHandler<RegisterEntityCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RegisterEntityCommand): Promise<WriteResult> {
    const { entityId, township } = command.payload;
    const { position } = await this.streams.decide(entityId, entity, (state) => decideRegisterEntity(command, state), {
      ...command.metadata,
      township,
    });
    return { id: entityId, position };
  }
}
