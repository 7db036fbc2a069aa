import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { OrderView } from './order.view';

export class GetOrderQuery extends Query<OrderView> {
  constructor(
    readonly orderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
