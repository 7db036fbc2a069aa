import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../../entities/entity.state';
import { project } from '../project.state';
import { DisburseProjectFundsCommand, type DisburseProjectFundsResult } from './disburse-project-funds.command';
import { decideDisburseProjectFunds } from './disburse-project-funds.decide';

@CommandHandler(DisburseProjectFundsCommand)
export class DisburseProjectFundsHandler implements ICommandHandler<DisburseProjectFundsCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: DisburseProjectFundsCommand): Promise<DisburseProjectFundsResult> {
    const { projectId, entityId } = command.payload;
    const { state: recipient } = await this.streams.read(entityId, entity);
    const { events, position } = await this.streams.decide(
      projectId,
      project,
      (state) => decideDisburseProjectFunds(command, state, recipient),
      { ...command.metadata, ...(recipient.status === 'registered' ? { township: recipient.township } : {}) },
    );
    const disbursed = events.find((e) => e.type === 'ProjectFundsDisbursed');
    const id = disbursed?.type === 'ProjectFundsDisbursed' ? disbursed.data.disbursementId : undefined;
    return { id: id ?? projectId, projectId, position };
  }
}
