import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { LoanView } from './loan.view';

export class GetLoanQuery extends Query<LoanView> {
  constructor(
    readonly loanId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
