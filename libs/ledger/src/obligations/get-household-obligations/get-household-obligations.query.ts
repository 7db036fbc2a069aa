import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { GetObligationsRequest } from '../get-obligations/get-obligations.dto';
import type { HouseholdObligationsView } from './household-obligations.view';

export class GetHouseholdObligationsQuery extends Query<HouseholdObligationsView> {
  constructor(
    readonly householdId: string,
    readonly filter: GetObligationsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
