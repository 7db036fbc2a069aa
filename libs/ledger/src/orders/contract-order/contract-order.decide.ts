import { conflict, refuse } from '../../common/domain-error';
import { assertLinkageParties, type LinkageParties } from '../../common/linkage-parties';
import type { OrderEvent } from '../order.events';
import type { OrderState } from '../order.state';
import type { ContractOrderCommand } from './contract-order.command';

export function decideContractOrder(
  command: ContractOrderCommand,
  state: OrderState,
  parties: LinkageParties,
): OrderEvent[] {
  const { payload, metadata } = command;
  const { household, entity } = assertLinkageParties('ORDER', payload, parties, metadata.actor);
  if (payload.endsOn < payload.startsOn) {
    throw refuse(
      'ORDER.ENDS_BEFORE_START',
      `The contract ends (${payload.endsOn}) before it starts (${payload.startsOn}).`,
      `订单结束日期 ${payload.endsOn} 早于开始日期 ${payload.startsOn}。`,
    );
  }
  if (state.status !== 'none') {
    throw conflict(
      'ORDER.ALREADY_CONTRACTED',
      `Order ${payload.orderId} is already recorded.`,
      `订单 ${payload.orderId} 已登记。`,
    );
  }
  return [{ type: 'OrderContracted', data: { ...payload, entityName: entity.name, township: household.township } }];
}
