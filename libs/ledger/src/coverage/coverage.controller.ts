import { Controller, Get, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../common/actor';
import { sendCsv, wantsCsv } from '../http/csv';
import { CurrentActor } from '../http/request-context';
import { plainYuan } from '../primitives/money';
import { dateInChina } from '../primitives/calendar';
import { CoverageRequest } from './coverage.dto';
import { GetCoverageQuery } from './coverage.query';
import type { Coverage, CoverageRow } from './coverage.view';
import { LedgerQuery } from '../http/contract/route-contract';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/coverage')
export class CoverageController {
  constructor(private readonly queries: QueryBus) {}

  /** Households registered and covered by at least one active linkage, per county, township or village. */
  @LedgerQuery({ summary: 'Coverage', view: 'Coverage', csv: true, refusals: ['AUTH.NOT_YOURS'] })
  @Get()
  async coverage(
    @QueryString() filter: CoverageRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Coverage | undefined> {
    const result = await this.queries.execute(new GetCoverageQuery(filter, actor, dateInChina(new Date())));
    if (!wantsCsv(request)) return result;
    sendCsv<CoverageRow>(
      response,
      result.items,
      [
        { header: 'county', value: (r) => r.county },
        { header: 'township', value: (r) => r.township },
        { header: 'village', value: (r) => r.village },
        { header: 'households', value: (r) => r.households },
        { header: 'covered', value: (r) => r.covered },
        { header: 'equity', value: (r) => r.byForm.equity },
        { header: 'lease', value: (r) => r.byForm.lease },
        { header: 'labour', value: (r) => r.byForm.labour },
        { header: 'order', value: (r) => r.byForm.order },
        { header: 'collective', value: (r) => r.byForm.collective },
        { header: 'receivedFen', value: (r) => r.receivedFen },
        { header: 'receivedYuan', value: (r) => plainYuan(r.receivedFen) },
      ],
      `coverage-${result.level}-${result.on}.csv`,
    );
    return undefined;
  }
}
