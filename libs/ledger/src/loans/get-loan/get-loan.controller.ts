import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { LoanIdPipe } from '../loan-id';
import { GetLoanQuery } from './get-loan.query';
import type { LoanView } from './loan.view';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('credit')
@ApiBearerAuth()
@Controller('v1/loans')
export class GetLoanController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get loan', view: 'LoanView' })
  @Get(':id')
  get(@Param('id', LoanIdPipe) loanId: string, @CurrentActor() actor: Actor): Promise<LoanView> {
    return this.queries.execute(new GetLoanQuery(loanId, actor));
  }
}
