import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { readLinkageParties } from '../../entities/read-linkage-parties';
import { order } from '../order.state';
import { ContractOrderCommand } from './contract-order.command';
import { decideContractOrder } from './contract-order.decide';

@CommandHandler(ContractOrderCommand)
export class ContractOrderHandler implements ICommandHandler<ContractOrderCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: ContractOrderCommand): Promise<WriteResult> {
    const { orderId, householdId, entityId } = command.payload;
    const parties = await readLinkageParties(this.streams, householdId, entityId);
    const { position } = await this.streams.decide(
      orderId,
      order,
      (state) => decideContractOrder(command, state, parties),
      { ...command.metadata, township: parties.township },
    );
    return { id: orderId, position };
  }
}
