import { Controller, Get, Param, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { HouseholdIdPipe } from '../../households/household-id';
import { AllowedRoles } from '../../http/auth.guard';
import { sendCsv, wantsCsv } from '../../http/csv';
import { CurrentActor } from '../../http/request-context';
import { OBLIGATION_CSV_COLUMNS } from '../get-obligations/get-obligations.controller';
import { GetObligationsRequest } from '../get-obligations/get-obligations.dto';
import { GetHouseholdObligationsQuery } from './get-household-obligations.query';
import type { HouseholdObligationsView } from './household-obligations.view';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/households')
export class GetHouseholdObligationsController {
  constructor(private readonly queries: QueryBus) {}

  /** What every entity owes the household and has paid it, as of an instant; JSON or `text/csv`. */
  @LedgerQuery({
    summary: 'Get household obligations',
    view: 'HouseholdObligationsView',
    csv: true,
    refusals: ['HOUSEHOLD.NOT_FOUND', 'AUTH.OTHER_TOWNSHIP'],
  })
  @Get(':id/obligations')
  // A household reads its own obligations (its phone page); the handler checks it is its own.
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @ApiProduces('application/json', 'text/csv')
  async get(
    @Param('id', HouseholdIdPipe) householdId: string,
    @QueryString() filter: GetObligationsRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<HouseholdObligationsView | undefined> {
    const view = await this.queries.execute(new GetHouseholdObligationsQuery(householdId, filter, actor));
    if (!wantsCsv(request)) return view;
    sendCsv(response, view.items, OBLIGATION_CSV_COLUMNS, `obligations-${householdId}.csv`);
    return undefined;
  }
}
