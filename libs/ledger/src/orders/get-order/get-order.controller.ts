import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { OrderIdPipe } from '../order-id';
import { GetOrderQuery } from './get-order.query';
import type { OrderView } from './order.view';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/orders')
export class GetOrderController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get order', view: 'OrderView' })
  @Get(':id')
  get(@Param('id', OrderIdPipe) orderId: string, @CurrentActor() actor: Actor): Promise<OrderView> {
    return this.queries.execute(new GetOrderQuery(orderId, actor));
  }
}
