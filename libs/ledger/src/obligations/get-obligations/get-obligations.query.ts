import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { GetObligationsRequest } from './get-obligations.dto';
import type { ObligationsView } from './obligations.view';

export class GetObligationsQuery extends Query<ObligationsView> {
  constructor(
    readonly entityId: string,
    readonly filter: GetObligationsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
