import { Controller, Get, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { sendCsv, wantsCsv, type CsvColumn } from '../../http/csv';
import { CurrentActor } from '../../http/request-context';
import { plainYuan } from '../../primitives/money';
import type { ArrearsView, EntityArrears } from './arrears.view';
import { GetArrearsRequest } from './get-arrears.dto';
import { GetArrearsQuery } from './get-arrears.query';

/** The CSV of the county's arrears, with the console's Chinese headers: one row per entity, no totals row. */
export const ARREARS_CSV_COLUMNS: readonly CsvColumn<EntityArrears>[] = [
  { header: '经营主体', value: (e) => e.entity.name },
  { header: '乡镇', value: (e) => e.entity.township },
  { header: '欠付户数', value: (e) => e.households },
  { header: '应付（元）', value: (e) => plainYuan(e.dueFen) },
  { header: '已付（元）', value: (e) => plainYuan(e.paidFen) },
  { header: '未付（元）', value: (e) => plainYuan(e.outstandingFen) },
  { header: '主体编号', value: (e) => e.entity.id },
];

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class GetArrearsController {
  constructor(private readonly queries: QueryBus) {}

  /** The county's arrears by entity name (欠付台账), largest first, a page at a time; JSON, or `text/csv` with every entity. */
  @LedgerQuery({ summary: 'Get arrears by entity', view: 'ArrearsView', csv: true, refusals: ['AUTH.NOT_YOURS'] })
  @Get('arrears')
  @ApiProduces('application/json', 'text/csv')
  async get(
    @QueryString() filter: GetArrearsRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ArrearsView | undefined> {
    // The CSV carries every entity of the filter (the screen's total), in the order asked.
    const view = await this.queries.execute(new GetArrearsQuery(filter, actor, wantsCsv(request)));
    if (!wantsCsv(request)) return view;
    sendCsv(response, view.entities, ARREARS_CSV_COLUMNS, `arrears-${view.dueBy}.csv`);
    return undefined;
  }
}
