import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { TransferStakeCommand } from './transfer-stake.command';
import { decideTransferStake, type TransferTarget } from './transfer-stake.decide';

@CommandHandler(TransferStakeCommand)
export class TransferStakeHandler implements ICommandHandler<TransferStakeCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: TransferStakeCommand): Promise<WriteResult> {
    const { stakeId, entityId, toHouseholdId } = command.payload;
    // A household's township is read once: it does not change between this read and the append.
    const { state: h } = await this.streams.read(toHouseholdId, household);
    const target: TransferTarget =
      h.status === 'registered' ? { householdId: toHouseholdId, township: h.township } : undefined;
    const { events, position } = await this.streams.decide(
      entityId,
      entity,
      (state) => decideTransferStake(command, state, target),
      command.metadata,
      (state) => ({ township: state.status === 'registered' ? state.stakes[stakeId]?.township : undefined }),
    );
    const continued = events.find((e) => e.type === 'StakeAcquired');
    return { id: continued?.type === 'StakeAcquired' ? continued.data.stakeId : stakeId, position };
  }
}
