import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { HouseholdIdPipe } from '../household-id';
import { GetHouseholdQuery } from './get-household.query';
import type { HouseholdView } from './household.view';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/households')
export class GetHouseholdController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get household', view: 'HouseholdView', refusals: ['HOUSEHOLD.NOT_FOUND'] })
  @Get(':id')
  get(@Param('id', HouseholdIdPipe) householdId: string, @CurrentActor() actor: Actor): Promise<HouseholdView> {
    return this.queries.execute(new GetHouseholdQuery(householdId, actor));
  }
}
