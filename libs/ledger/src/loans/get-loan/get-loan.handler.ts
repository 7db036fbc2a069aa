import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn } from '../../common/actor';
import { StreamWriter } from '../../common/stream-writer';
import { dateInChina } from '../../primitives/calendar';
import { loan, loanNotFound } from '../loan.state';
import { GetLoanQuery } from './get-loan.query';
import { toLoanView } from './loan-view';
import type { LoanView } from './loan.view';

/** Reads one loan by folding its own stream: always current, no read model needed. */
@QueryHandler(GetLoanQuery)
export class GetLoanHandler implements IQueryHandler<GetLoanQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ loanId, actor }: GetLoanQuery): Promise<LoanView> {
    const { state, events } = await this.streams.read(loanId, loan);
    if (state.status !== 'disbursed') throw loanNotFound(loanId);
    // Household users read their own statement only, not the linkage records (contract: roles).
    assertMayReadIn(actor, state.terms.township);
    return toLoanView(state, dateInChina(new Date()), events[events.length - 1].position);
  }
}
