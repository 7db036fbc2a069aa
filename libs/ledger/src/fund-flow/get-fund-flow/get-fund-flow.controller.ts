import { Controller, Get, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { sendCsv, wantsCsv, type CsvColumn } from '../../http/csv';
import { CurrentActor } from '../../http/request-context';
import { plainYuan } from '../../primitives/money';
import type { CountyFundFlowView, FundFlowEdge, FundFlowView } from './fund-flow.view';
import { GetFundFlowRequest } from './get-fund-flow.dto';
import { GetFundFlowQuery } from './get-fund-flow.query';
import { AuditRoute } from '../../http/auth.guard';
import { LedgerQuery } from '../../http/contract/route-contract';

/** The CSV of the fund flow: one row per edge, no totals row. */
export const FUND_FLOW_CSV_COLUMNS: readonly CsvColumn<FundFlowEdge>[] = [
  { header: 'edge', value: (e) => e.edge },
  { header: 'fromKind', value: (e) => e.fromKind },
  { header: 'fromId', value: (e) => e.fromId },
  { header: 'fromName', value: (e) => e.fromName },
  { header: 'toKind', value: (e) => e.toKind },
  { header: 'toId', value: (e) => e.toId },
  { header: 'toName', value: (e) => e.toName },
  { header: 'amountFen', value: (e) => e.amountFen },
  { header: 'amountYuan', value: (e) => plainYuan(e.amountFen) },
];

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class GetFundFlowController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Where a project's money went (资金流向), or every project's of a county with what is left at each
   * step, with a flag wherever a step exceeds its source; JSON or `text/csv` (one row per edge).
   */
  @AuditRoute()
  @LedgerQuery({
    summary: 'Get fund flow',
    view: 'FundFlow',
    csv: true,
    refusals: ['AUTH.AUDIT_ONLY', 'PROJECT.NOT_FOUND'],
  })
  @Get('fund-flow')
  async get(
    @QueryString() filter: GetFundFlowRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FundFlowView | CountyFundFlowView | undefined> {
    const report = await this.queries.execute(new GetFundFlowQuery(filter, actor));
    if (!wantsCsv(request)) return report.view;
    const name = report.kind === 'project' ? report.view.project.id : 'county';
    sendCsv(response, report.edges, FUND_FLOW_CSV_COLUMNS, `fund-flow-${name}.csv`);
    return undefined;
  }
}
