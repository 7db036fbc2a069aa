import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity, type EntityState } from '../../entities/entity.state';
import { project } from '../project.state';
import { RegisterProjectCommand } from './register-project.command';
import { decideRegisterProject } from './register-project.decide';

@CommandHandler(RegisterProjectCommand)
export class RegisterProjectHandler implements ICommandHandler<RegisterProjectCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RegisterProjectCommand): Promise<WriteResult> {
    const { projectId, operatorId } = command.payload;
    const operator: EntityState | undefined =
      operatorId === undefined ? undefined : (await this.streams.read(operatorId, entity)).state;
    const { position } = await this.streams.decide(
      projectId,
      project,
      (state) => decideRegisterProject(command, state, operator),
      command.metadata,
    );
    return { id: projectId, position };
  }
}
