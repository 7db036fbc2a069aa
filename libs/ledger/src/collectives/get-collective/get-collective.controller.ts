import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { EntityIdPipe } from '../../entities/entity-id';
import { LedgerQuery } from '../../http/contract/route-contract';
import { QueryOptions } from '../../http/query-options.dto';
import { CurrentActor } from '../../http/request-context';
import type { CollectiveView } from './collective.view';
import { GetCollectiveQuery } from './get-collective.query';

@ApiTags('collectives')
@ApiBearerAuth()
@Controller('v1/collectives')
export class GetCollectiveController {
  constructor(private readonly queries: QueryBus) {}

  /** A village collective: its stakes, the dividends paid to it, what it distributed and what is left. */
  @LedgerQuery({
    summary: 'Get collective',
    view: 'CollectiveView',
    refusals: ['COLLECTIVE.NOT_FOUND', 'AUTH.NOT_YOURS'],
  })
  @Get(':id')
  get(
    @Param('id', EntityIdPipe) collectiveId: string,
    @QueryString() options: QueryOptions,
    @CurrentActor() actor: Actor,
  ): Promise<CollectiveView> {
    return this.queries.execute(new GetCollectiveQuery(collectiveId, actor, options.minPosition));
  }
}
