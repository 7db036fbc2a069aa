import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/page';
import { CurrentActor } from '../../http/request-context';
import { ListHouseholdsRequest } from './list-households.dto';
import type { HouseholdListItem } from '../../households/get-household/household.view';
import { ListHouseholdsQuery } from './list-households.query';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/households')
export class ListHouseholdsController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'List households', view: 'HouseholdPage', refusals: ['AUTH.NOT_YOURS'] })
  @Get()
  list(@QueryString() filter: ListHouseholdsRequest, @CurrentActor() actor: Actor): Promise<Page<HouseholdListItem>> {
    return this.queries.execute(new ListHouseholdsQuery(filter, actor));
  }
}
