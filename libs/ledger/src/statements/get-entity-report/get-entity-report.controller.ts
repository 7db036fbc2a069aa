import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { CurrentActor } from '../../http/request-context';
import { EntityIdPipe } from '../../entities/entity-id';
import type { EntityReportView } from './entity-report.view';
import { GetEntityReportRequest } from './get-entity-report.dto';
import { GetEntityReportQuery } from './get-entity-report.query';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/entities')
export class GetEntityReportController {
  constructor(private readonly queries: QueryBus) {}

  /** How many households the entity lifts (带贫户数) in a year, by form, and what it paid them. */
  @LedgerQuery({ summary: 'Get entity linkage report', view: 'EntityReportView', refusals: ['ENTITY.NOT_FOUND'] })
  @Get(':id/report')
  get(
    @Param('id', EntityIdPipe) entityId: string,
    @QueryString() filter: GetEntityReportRequest,
    @CurrentActor() actor: Actor,
  ): Promise<EntityReportView> {
    return this.queries.execute(new GetEntityReportQuery(entityId, filter, actor));
  }
}
