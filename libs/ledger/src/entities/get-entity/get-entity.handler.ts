import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readReadableEntity } from '../readable-entity';
import { StreamWriter } from '../../common/stream-writer';
import type { EntityView } from './entity.view';
import { GetEntityQuery } from './get-entity.query';

@QueryHandler(GetEntityQuery)
export class GetEntityHandler implements IQueryHandler<GetEntityQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ entityId, actor }: GetEntityQuery): Promise<EntityView> {
    const { state, events } = await readReadableEntity(this.streams, entityId, actor);
    // The top-ups' payments are the decider's bookkeeping, not the entity's view (EntityView has none).
    const { entityId: id, status: _registered, stakeCount: _count, stakes, topups: _topups, ...rest } = state;
    return { id, ...rest, stakes: Object.values(stakes), position: events[events.length - 1].position };
  }
}
