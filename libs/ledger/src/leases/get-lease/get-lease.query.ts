import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { LeaseView } from './lease.view';

export class GetLeaseQuery extends Query<LeaseView> {
  constructor(
    readonly leaseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
