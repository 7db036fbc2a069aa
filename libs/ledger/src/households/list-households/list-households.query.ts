import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/page';
import type { HouseholdSummary } from '../get-household/household.view';
import type { ListHouseholdsRequest } from './list-households.dto';

export class ListHouseholdsQuery extends Query<Page<HouseholdSummary>> {
  constructor(
    readonly filter: ListHouseholdsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
