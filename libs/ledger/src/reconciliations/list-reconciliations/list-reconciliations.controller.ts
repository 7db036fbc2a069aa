import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import type { ReconciliationList } from '../reconciliation.view';
import { ListReconciliationsRequest } from './list-reconciliations.dto';
import { ListReconciliationsQuery } from './list-reconciliations.query';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/reconciliations')
export class ListReconciliationsController {
  constructor(private readonly queries: QueryBus) {}

  /** Past reconciliations, newest first, a page at a time, with totals over all of them. */
  @LedgerQuery({
    summary: 'List reconciliations',
    view: 'ReconciliationList',
    refusals: ['AUTH.NOT_YOURS'],
    without: [404],
  })
  @Get()
  list(@QueryString() filter: ListReconciliationsRequest, @CurrentActor() actor: Actor): Promise<ReconciliationList> {
    return this.queries.execute(new ListReconciliationsQuery(filter, actor));
  }
}
