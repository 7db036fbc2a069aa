import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/page';
import type { HouseholdListItem } from '../../households/get-household/household.view';
import type { ListHouseholdsRequest } from './list-households.dto';

export class ListHouseholdsQuery extends Query<Page<HouseholdListItem>> {
  constructor(
    readonly filter: ListHouseholdsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
