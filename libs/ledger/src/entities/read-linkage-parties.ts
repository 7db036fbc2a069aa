import { entity } from './entity.state';
import { household } from '../households/household.state';
import type { LinkageParties } from '../common/linkage-parties';
import type { StreamWriter } from '../common/stream-writer';

/** Reads the household and the entity a new linkage names, for `assertLinkageParties`. */
export async function readLinkageParties(
  streams: StreamWriter,
  householdId: string,
  entityId: string,
): Promise<LinkageParties & { township?: string }> {
  const [h, e] = await Promise.all([streams.read(householdId, household), streams.read(entityId, entity)]);
  return {
    household: h.state,
    entity: e.state,
    township: h.state.status === 'registered' ? h.state.township : undefined,
  };
}
