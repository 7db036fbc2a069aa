import type { EntityEvent } from '../entities/entity.state';
import type { StakeAcquired } from './stake.events';

/** Shared figures for the stake and dividend specs: a cattle farm in 城关镇 and its shareholders. */
export const entityId = 'entity-00000000-0000-5000-8000-00000000000e';
export const projectId = 'project-00000000-0000-5000-8000-00000000000f';
export const zhang = 'household-00000000-0000-5000-8000-000000000001';
export const li = 'household-00000000-0000-5000-8000-000000000002';
export const wang = 'household-00000000-0000-5000-8000-000000000003';

export const farmRegistered: EntityEvent = {
  type: 'EntityRegistered',
  data: { entityId, name: '石头村养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' },
};

export const stake = (n: number, overrides: Partial<StakeAcquired['data']> = {}): EntityEvent => ({
  type: 'StakeAcquired',
  data: {
    stakeId: `${entityId}.s${n}`,
    entityId,
    householdId: zhang,
    township: '城关镇',
    source: 'cash',
    principalFen: 1_000_00,
    shares: 10,
    startsOn: '2017-12-01',
    ...overrides,
  },
});
