import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { DividendIdPipe } from '../dividend-id';
import type { DividendView } from './dividend.view';
import { GetDividendQuery } from './get-dividend.query';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/dividends')
export class GetDividendController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get dividend', view: 'DividendView', refusals: ['AUTH.NOT_YOURS', 'DIVIDEND.NOT_FOUND'] })
  @Get(':id')
  get(@Param('id', DividendIdPipe) declarationId: string, @CurrentActor() actor: Actor): Promise<DividendView> {
    return this.queries.execute(new GetDividendQuery(declarationId, actor));
  }
}
