import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { assertMayReadIn } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../entity.state';
import type { EntityView } from './entity.view';
import { GetEntityQuery } from './get-entity.query';

@QueryHandler(GetEntityQuery)
export class GetEntityHandler implements IQueryHandler<GetEntityQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ entityId, actor }: GetEntityQuery): Promise<EntityView> {
    const { state, events } = await this.streams.read(entityId, entity);
    if (state.status !== 'registered') {
      throw notFound('ENTITY.NOT_FOUND', `No entity ${entityId}.`, `没有编号为 ${entityId} 的经营主体。`);
    }
    assertMayReadIn(actor, state.township);
    // The top-ups' payments are the decider's bookkeeping, not the entity's view (EntityView has none).
    const { entityId: id, status: _registered, stakeCount: _count, stakes, topups: _topups, ...rest } = state;
    return { id, ...rest, stakes: Object.values(stakes), position: events[events.length - 1].position };
  }
}
