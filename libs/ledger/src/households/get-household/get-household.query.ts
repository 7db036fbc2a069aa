import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { HouseholdView } from './household.view';

export class GetHouseholdQuery extends Query<HouseholdView> {
  constructor(
    readonly householdId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
