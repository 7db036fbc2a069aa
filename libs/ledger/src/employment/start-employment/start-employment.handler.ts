import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { employment } from '../employment.state';
import { StartEmploymentCommand } from './start-employment.command';
import { decideStartEmployment } from './start-employment.decide';

@CommandHandler(StartEmploymentCommand)
export class StartEmploymentHandler implements ICommandHandler<StartEmploymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: StartEmploymentCommand): Promise<WriteResult> {
    const { employmentId, householdId, entityId } = command.payload;
    const [h, e] = await Promise.all([this.streams.read(householdId, household), this.streams.read(entityId, entity)]);
    const parties = { household: h.state, entity: e.state };
    const { position } = await this.streams.decide(
      employmentId,
      employment,
      (state) => decideStartEmployment(command, state, parties),
      { ...command.metadata, township: h.state.status === 'registered' ? h.state.township : undefined },
    );
    return { id: employmentId, position };
  }
}
