import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { EntityView } from './entity.view';

export class GetEntityQuery extends Query<EntityView> {
  constructor(
    readonly entityId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
