import { assertMayWriteIn } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import type { EntityState } from '../../entities/entity.state';
import type { HouseholdState } from '../../households/household.state';
import type { OrderEvent } from '../order.events';
import type { OrderState } from '../order.state';
import type { ContractOrderCommand } from './contract-order.command';

/** The household and the entity the body names, as their own streams stand (read by the handler). */
export interface OrderParties {
  household: HouseholdState;
  entity: EntityState;
}

export function decideContractOrder(
  command: ContractOrderCommand,
  state: OrderState,
  { household, entity }: OrderParties,
): OrderEvent[] {
  const { payload, metadata } = command;
  if (household.status !== 'registered') {
    throw refuse(
      'ORDER.UNKNOWN_HOUSEHOLD',
      `No household ${payload.householdId} is registered.`,
      `没有编号为 ${payload.householdId} 的农户，请先登记该户。`,
    );
  }
  assertMayWriteIn(metadata.actor, household.township);
  if (entity.status !== 'registered') {
    throw refuse(
      'ORDER.UNKNOWN_ENTITY',
      `No entity ${payload.entityId} is registered.`,
      `没有编号为 ${payload.entityId} 的经营主体，请先登记该主体。`,
    );
  }
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
