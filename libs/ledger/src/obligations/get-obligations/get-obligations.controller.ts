import { Controller, Get, Param, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { EntityIdPipe } from '../../entities/entity-id';
import { sendCsv, wantsCsv, type CsvColumn } from '../../http/csv';
import { CurrentActor } from '../../http/request-context';
import { plainYuan } from '../../primitives/money';
import { GetObligationsRequest } from './get-obligations.dto';
import { GetObligationsQuery } from './get-obligations.query';
import type { ObligationItem, ObligationsView } from './obligations.view';
import { LedgerQuery } from '../../http/contract/route-contract';

/** The CSV of the arrears list: one row per item, no totals row. */
export const OBLIGATION_CSV_COLUMNS: readonly CsvColumn<ObligationItem>[] = [
  { header: 'linkageId', value: (i) => i.linkageId },
  { header: 'kind', value: (i) => i.kind },
  { header: 'householdId', value: (i) => i.householdId ?? i.collectiveId ?? '' },
  { header: 'period', value: (i) => i.period },
  { header: 'dueOn', value: (i) => i.dueOn },
  { header: 'dueFen', value: (i) => i.dueFen },
  { header: 'paidFen', value: (i) => i.paidFen },
  { header: 'outstandingFen', value: (i) => i.outstandingFen },
  { header: 'dueYuan', value: (i) => plainYuan(i.dueFen) },
  { header: 'paidYuan', value: (i) => plainYuan(i.paidFen) },
  { header: 'outstandingYuan', value: (i) => plainYuan(i.outstandingFen) },
];

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/entities')
export class GetObligationsController {
  constructor(private readonly queries: QueryBus) {}

  /** What the entity owes households and has paid (应付与已付), as of an instant; JSON or `text/csv`. */
  @LedgerQuery({ summary: 'Get obligations', view: 'ObligationsView', csv: true, refusals: ['ENTITY.NOT_FOUND'] })
  @Get(':id/obligations')
  @ApiProduces('application/json', 'text/csv')
  async get(
    @Param('id', EntityIdPipe) entityId: string,
    @QueryString() filter: GetObligationsRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ObligationsView | undefined> {
    const view = await this.queries.execute(new GetObligationsQuery(entityId, filter, actor));
    if (!wantsCsv(request)) return view;
    sendCsv(response, view.items, OBLIGATION_CSV_COLUMNS, `obligations-${entityId}.csv`);
    return undefined;
  }
}
