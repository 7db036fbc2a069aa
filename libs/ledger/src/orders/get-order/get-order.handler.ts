import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn } from '../../common/actor';
import { StreamWriter, toDomainEvent } from '../../common/stream-writer';
import type { OrderEvent } from '../order.events';
import { order, orderNotFound } from '../order.state';
import { GetOrderQuery } from './get-order.query';
import type { OrderView } from './order.view';

/** Reads one order contract from its own stream: always current, no read model needed. */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ orderId, actor }: GetOrderQuery): Promise<OrderView> {
    const { state, events } = await this.streams.read(orderId, order);
    if (state.status === 'none') {
      throw orderNotFound(orderId);
    }
    assertMayReadIn(actor, state.township);
    const { orderId: id, status: _contracted, payments, ...rest } = state;
    const paid = events
      .map((recorded) => toDomainEvent<OrderEvent>(recorded))
      .flatMap((e) => (e.type === 'PurchasePaid' ? [e.data] : []))
      .map((data) => {
        const reversal = payments.get(data.paymentId)?.reversal;
        return reversal ? { ...data, reversal } : data;
      });
    return { id, ...rest, payments: paid, position: events[events.length - 1].position };
  }
}
