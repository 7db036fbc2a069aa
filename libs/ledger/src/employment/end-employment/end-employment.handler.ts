import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { employment } from '../employment.state';
import { EndEmploymentCommand } from './end-employment.command';
import { decideEndEmployment } from './end-employment.decide';

@CommandHandler(EndEmploymentCommand)
export class EndEmploymentHandler implements ICommandHandler<EndEmploymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: EndEmploymentCommand): Promise<WriteResult> {
    const { employmentId } = command.payload;
    const { position } = await this.streams.decide(
      employmentId,
      employment,
      (state) => decideEndEmployment(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'none' ? undefined : state.township }),
    );
    return { id: employmentId, position };
  }
}
