import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { ReconciliationView } from '../reconciliation.view';

export class GetReconciliationQuery extends Query<ReconciliationView> {
  constructor(
    readonly reconciliationId: string,
    readonly actor: Actor,
    readonly minPosition?: number,
  ) {
    super();
  }
}
