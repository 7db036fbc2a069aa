import { Query } from '@nestjs/cqrs';
import type { QueryOptions } from '../../http/query-options.dto';
import type { UserSummary } from './user-summary.view';

export class GetUserSummaryQuery extends Query<UserSummary> {
  constructor(readonly options: QueryOptions) {
    super();
  }
}
