import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { CollectiveView } from './collective.view';

export class GetCollectiveQuery extends Query<CollectiveView> {
  constructor(
    readonly collectiveId: string,
    readonly actor: Actor,
    readonly minPosition?: number,
  ) {
    super();
  }
}
