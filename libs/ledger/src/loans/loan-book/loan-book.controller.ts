import { Controller, Get, Query as QueryString, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { sendCsv, wantsCsv } from '../../http/csv';
import { CurrentActor } from '../../http/request-context';
import { dateInChina } from '../../primitives/calendar';
import { plainYuan } from '../../primitives/money';
import { LoanBookRequest } from './loan-book.dto';
import { GetLoanBookQuery } from './loan-book.query';
import type { LoanBook, LoanBookItem } from './loan-book.view';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit/loans')
export class LoanBookController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * The county's poverty micro-credit loans: how many households borrowed, what is owed and overdue, what
   * was subsidised (over the whole filter), and the loans a page at a time under `sort`.
   */
  @LedgerQuery({ summary: 'Loan book', view: 'LoanBook', csv: true, refusals: ['AUTH.NOT_YOURS'] })
  @Get()
  async book(
    @QueryString() filter: LoanBookRequest,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoanBook | undefined> {
    // The CSV carries every loan of the filter, in the order asked; JSON, one page.
    const result = await this.queries.execute(
      new GetLoanBookQuery(filter, actor, dateInChina(new Date()), wantsCsv(request)),
    );
    if (!wantsCsv(request)) return result;
    sendCsv<LoanBookItem>(
      response,
      result.items,
      [
        { header: 'loanId', value: (i) => i.loanId },
        { header: 'householdId', value: (i) => i.household.id },
        { header: 'registrationNo', value: (i) => i.household.registrationNo },
        { header: 'township', value: (i) => i.township },
        { header: 'lender', value: (i) => i.lender },
        { header: 'contractNo', value: (i) => i.contractNo ?? '' },
        { header: 'use', value: (i) => i.use },
        { header: 'entityName', value: (i) => i.entity?.name ?? '' },
        { header: 'disbursedOn', value: (i) => i.disbursedOn },
        { header: 'maturesOn', value: (i) => i.maturesOn },
        { header: 'status', value: (i) => i.status },
        { header: 'principalFen', value: (i) => i.principalFen },
        { header: 'outstandingPrincipalFen', value: (i) => i.outstandingPrincipalFen },
        { header: 'interestPaidFen', value: (i) => i.interestPaidFen },
        { header: 'subsidisedFen', value: (i) => i.subsidisedFen },
        { header: 'principalYuan', value: (i) => plainYuan(i.principalFen) },
        { header: 'outstandingPrincipalYuan', value: (i) => plainYuan(i.outstandingPrincipalFen) },
        { header: 'interestPaidYuan', value: (i) => plainYuan(i.interestPaidFen) },
        { header: 'subsidisedYuan', value: (i) => plainYuan(i.subsidisedFen) },
        // Appended last, so readers of the earlier columns by position are unaffected.
        { header: 'village', value: (i) => i.village },
      ],
      `loans-${result.on}.csv`,
    );
    return undefined;
  }
}
