import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { EndStakeCommand } from './end-stake.command';
import { decideEndStake } from './end-stake.decide';

@CommandHandler(EndStakeCommand)
export class EndStakeHandler implements ICommandHandler<EndStakeCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: EndStakeCommand): Promise<WriteResult> {
    const { stakeId, entityId } = command.payload;
    // The stake's township (its household's) is recorded with the event, for audit and scoping.
    const { position } = await this.streams.decide(
      entityId,
      entity,
      (state) => decideEndStake(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'registered' ? state.stakes[stakeId]?.township : undefined }),
    );
    return { id: stakeId, position };
  }
}
