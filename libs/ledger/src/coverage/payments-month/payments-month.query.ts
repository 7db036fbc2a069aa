import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { PaymentsMonthRequest } from './payments-month.dto';
import type { PaymentsMonth } from './payments-month.view';

export class GetPaymentsMonthQuery extends Query<PaymentsMonth> {
  constructor(
    readonly filter: PaymentsMonthRequest,
    readonly actor: Actor,
    /** Today in China time, from the controller's clock. */
    readonly today: string,
  ) {
    super();
  }
}
