import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { IdPipe } from '../../http/id.pipe';
import { QueryOptions } from '../../http/query-options.dto';
import { CurrentActor } from '../../http/request-context';
import type { ReconciliationView } from '../reconciliation.view';
import { GetReconciliationQuery } from './get-reconciliation.query';

/** A reconciliation's id in a path: malformed is a 404, as unknown. */
export const ReconciliationIdPipe = IdPipe('reconciliation', '银行对账记录');

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/reconciliations')
export class GetReconciliationController {
  constructor(private readonly queries: QueryBus) {}

  /** Reopens a kept reconciliation (an auditor's, or a clerk's of its township), with the file's SHA-256. */
  @LedgerQuery({
    summary: 'Get reconciliation',
    view: 'ReconciliationView',
    refusals: ['RECONCILIATION.NOT_FOUND', 'AUTH.NOT_YOURS'],
  })
  @Get(':id')
  @ApiParam({ name: 'id', example: 'reconciliation-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  get(
    @Param('id', ReconciliationIdPipe) id: string,
    @QueryString() options: QueryOptions,
    @CurrentActor() actor: Actor,
  ): Promise<ReconciliationView> {
    return this.queries.execute(new GetReconciliationQuery(id, actor, options.minPosition));
  }
}
