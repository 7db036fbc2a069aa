import { Controller, Get, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { LedgerQuery } from '../../http/contract/route-contract';
import { sendCsv, wantsCsv, type CsvColumn } from '../../http/csv';
import { CurrentActor } from '../../http/request-context';
import { plainYuan } from '../../primitives/money';
import type { NoticeList, NoticeSummary } from '../notice.view';
import { ListNoticesRequest } from './list-notices.dto';
import { ListNoticesQuery } from './list-notices.query';

/** One row per notice of the page, no totals row (the part-2 rule for every list's CSV). */
export const NOTICE_CSV_COLUMNS: readonly CsvColumn<NoticeSummary>[] = [
  { header: 'id', value: (n) => n.id },
  { header: 'township', value: (n) => n.township },
  { header: 'village', value: (n) => n.village },
  { header: 'title', value: (n) => n.title },
  { header: 'subject', value: (n) => Object.values(n.subject)[0] },
  { header: 'opensOn', value: (n) => n.opensOn },
  { header: 'closesOn', value: (n) => n.closesOn },
  { header: 'status', value: (n) => n.status },
  { header: 'rowCount', value: (n) => n.rowCount },
  { header: 'totalFen', value: (n) => n.totalFen },
  { header: 'totalYuan', value: (n) => plainYuan(n.totalFen) },
  { header: 'openObjections', value: (n) => n.objections.open },
  { header: 'upheldObjections', value: (n) => n.objections.upheld },
  { header: 'rejectedObjections', value: (n) => n.objections.rejected },
];

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/notices')
export class ListNoticesController {
  constructor(private readonly queries: QueryBus) {}

  /** Notices by place, newest window first, with totals over all that match; JSON or `text/csv`. */
  @LedgerQuery({ summary: 'List notices', view: 'NoticeList', csv: true })
  @Get()
  async list(
    @QueryString() filter: ListNoticesRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NoticeList | undefined> {
    const list: NoticeList = await this.queries.execute(new ListNoticesQuery(filter, actor));
    if (!wantsCsv(request)) return list;
    sendCsv(response, list.items, NOTICE_CSV_COLUMNS, 'notices.csv');
    return undefined;
  }
}
