import { Controller, Get, Param, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { sendCsv, wantsCsv } from '../../http/csv';
import { StatementLinkAllowed, AllowedRoles } from '../../http/auth.guard';
import { BadInputException } from '../../common/bad-input';
import { CurrentActor } from '../../http/request-context';
import { HouseholdIdPipe } from '../../households/household-id';
import { STATEMENT_CSV_COLUMNS } from '../statement';
import type { Statement } from '../statement.view';
import { GetStatementRequest } from './get-statement.dto';
import { GetStatementQuery } from './get-statement.query';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('statements')
@ApiBearerAuth()
@Controller('v1/households')
export class GetStatementController {
  constructor(private readonly queries: QueryBus) {}

  /** Everything the household received, and why, as of an instant; `Accept: text/csv` for a CSV. */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @LedgerQuery({ summary: 'Get statement', view: 'Statement', csv: true })
  @Get(':id/statement')
  @StatementLinkAllowed()
  @ApiProduces('application/json', 'text/csv')
  async get(
    @Param('id', HouseholdIdPipe) householdId: string,
    @QueryString() query: GetStatementRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Statement | undefined> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw new BadInputException([{ path: 'to', message: 'to must be on or after from' }]);
    }
    const statement = await this.queries.execute(
      new GetStatementQuery(
        {
          householdId,
          from: query.from,
          to: query.to,
          asOf: query.asOf,
          lang: query.lang,
          minPosition: query.minPosition,
        },
        actor,
      ),
    );
    if (wantsCsv(request)) {
      sendCsv(response, statement.lines, STATEMENT_CSV_COLUMNS, `statement-${householdId}.csv`);
      return undefined;
    }
    return statement;
  }
}
