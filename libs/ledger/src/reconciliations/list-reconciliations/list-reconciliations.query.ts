import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { ReconciliationList } from '../reconciliation.view';
import type { ListReconciliationsRequest } from './list-reconciliations.dto';

export class ListReconciliationsQuery extends Query<ReconciliationList> {
  constructor(
    readonly filter: ListReconciliationsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
