import { assertMayReadIn, type Actor } from '../common/actor';
import { notFound } from '../common/domain-error';
import type { StreamWriter } from '../common/stream-writer';
import { entity } from './entity.state';

/**
 * The entity's stream, folded, when it is registered and `actor` may read its township:
 * `ENTITY.NOT_FOUND` (404) when there is no such entity, the actor's scope refusal otherwise.
 */
export async function readReadableEntity(streams: StreamWriter, entityId: string, actor: Actor) {
  const { state, events } = await streams.read(entityId, entity);
  if (state.status !== 'registered') {
    throw notFound('ENTITY.NOT_FOUND', `No entity ${entityId}.`, `没有编号为 ${entityId} 的经营主体。`);
  }
  assertMayReadIn(actor, state.township);
  return { state, events };
}
