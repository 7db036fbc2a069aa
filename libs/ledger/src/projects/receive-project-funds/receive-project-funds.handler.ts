import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { project } from '../project.state';
import { ReceiveProjectFundsCommand, type ReceiveProjectFundsResult } from './receive-project-funds.command';
import { decideReceiveProjectFunds } from './receive-project-funds.decide';

@CommandHandler(ReceiveProjectFundsCommand)
export class ReceiveProjectFundsHandler implements ICommandHandler<ReceiveProjectFundsCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: ReceiveProjectFundsCommand): Promise<ReceiveProjectFundsResult> {
    const { projectId } = command.payload;
    const { events, position } = await this.streams.decide(
      projectId,
      project,
      (state) => decideReceiveProjectFunds(command, state),
      command.metadata,
    );
    const received = events.find((e) => e.type === 'ProjectFundsReceived');
    const id = received?.type === 'ProjectFundsReceived' ? received.data.fundId : undefined;
    return { id: id ?? projectId, projectId, position };
  }
}
