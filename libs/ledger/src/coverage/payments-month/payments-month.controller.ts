import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import { dateInChina } from '../../primitives/calendar';
import { PaymentsMonthRequest } from './payments-month.dto';
import { GetPaymentsMonthQuery } from './payments-month.query';
import type { PaymentsMonth } from './payments-month.view';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/payments-month')
export class PaymentsMonthController {
  constructor(private readonly queries: QueryBus) {}

  /** Payments to households in a month (default this one): a clerk's townships, or a county, or all. */
  @LedgerQuery({ summary: 'Payments in a month', view: 'PaymentsMonth', refusals: ['AUTH.NOT_YOURS'] })
  @Get()
  month(@QueryString() filter: PaymentsMonthRequest, @CurrentActor() actor: Actor): Promise<PaymentsMonth> {
    return this.queries.execute(new GetPaymentsMonthQuery(filter, actor, dateInChina(new Date())));
  }
}
