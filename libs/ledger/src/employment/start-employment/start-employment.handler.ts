import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { readLinkageParties } from '../../entities/read-linkage-parties';
import { employment } from '../employment.state';
import { StartEmploymentCommand } from './start-employment.command';
import { decideStartEmployment } from './start-employment.decide';

@CommandHandler(StartEmploymentCommand)
export class StartEmploymentHandler implements ICommandHandler<StartEmploymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: StartEmploymentCommand): Promise<WriteResult> {
    const { employmentId, householdId, entityId } = command.payload;
    const parties = await readLinkageParties(this.streams, householdId, entityId);
    const { position } = await this.streams.decide(
      employmentId,
      employment,
      (state) => decideStartEmployment(command, state, parties),
      { ...command.metadata, township: parties.township },
    );
    return { id: employmentId, position };
  }
}
