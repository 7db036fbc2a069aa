import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { distribution } from '../distribution.state';
import { PayDistributionCommand } from './pay-distribution.command';
import { decidePayDistribution } from './pay-distribution.decide';

@CommandHandler(PayDistributionCommand)
export class PayDistributionHandler implements ICommandHandler<PayDistributionCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: PayDistributionCommand): Promise<WriteResult> {
    const { distributionId, householdId } = command.payload;
    const { events, position } = await this.streams.decide(
      distributionId,
      distribution,
      (state) => decidePayDistribution(command, state),
      command.metadata,
      (state) => ({
        township:
          state.status === 'declared'
            ? state.allocations.find((a) => a.householdId === householdId)?.township
            : undefined,
      }),
    );
    const paid = events.find((e) => e.type === 'DistributionPaid');
    return { id: paid?.type === 'DistributionPaid' ? paid.data.paymentId : distributionId, position };
  }
}
