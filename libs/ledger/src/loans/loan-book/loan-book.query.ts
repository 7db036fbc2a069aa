import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { LoanBookRequest } from './loan-book.dto';
import type { LoanBook } from './loan-book.view';

export class GetLoanBookQuery extends Query<LoanBook> {
  constructor(
    readonly filter: LoanBookRequest,
    readonly actor: Actor,
    /** Today in China time, from the controller's clock. */
    readonly today: string,
    /** Every matching loan in one page (the CSV), not a page of `limit`. */
    readonly everyPage = false,
  ) {
    super();
  }
}
