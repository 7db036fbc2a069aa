import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import type { NoticeList } from '../notice.view';
import { ListNoticesRequest } from './list-notices.dto';
import { ListNoticesQuery } from './list-notices.query';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/notices')
export class ListNoticesController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'List notices' })
  @Get()
  list(@QueryString() filter: ListNoticesRequest, @CurrentActor() actor: Actor): Promise<NoticeList> {
    return this.queries.execute(new ListNoticesQuery(filter, actor));
  }
}
