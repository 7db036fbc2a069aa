import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { order } from '../order.state';
import { ContractOrderCommand } from './contract-order.command';
import { decideContractOrder } from './contract-order.decide';

@CommandHandler(ContractOrderCommand)
export class ContractOrderHandler implements ICommandHandler<ContractOrderCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: ContractOrderCommand): Promise<WriteResult> {
    const { orderId, householdId, entityId } = command.payload;
    const [h, e] = await Promise.all([this.streams.read(householdId, household), this.streams.read(entityId, entity)]);
    const parties = { household: h.state, entity: e.state };
    const { position } = await this.streams.decide(
      orderId,
      order,
      (state) => decideContractOrder(command, state, parties),
      { ...command.metadata, township: h.state.status === 'registered' ? h.state.township : undefined },
    );
    return { id: orderId, position };
  }
}
