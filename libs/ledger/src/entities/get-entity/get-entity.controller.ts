import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { EntityIdPipe } from '../entity-id';
import type { EntityView } from './entity.view';
import { GetEntityQuery } from './get-entity.query';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/entities')
export class GetEntityController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get entity', view: 'EntityView', refusals: ['ENTITY.NOT_FOUND'] })
  @Get(':id')
  get(@Param('id', EntityIdPipe) entityId: string, @CurrentActor() actor: Actor): Promise<EntityView> {
    return this.queries.execute(new GetEntityQuery(entityId, actor));
  }
}
