import type { EntityState } from '../entities/entity.state';
import type { ProjectEvent } from './project.events';

/** Shared figures for the project specs. */
export const projectId = 'project-00000000-0000-5000-8000-000000000001';
export const entityId = 'entity-00000000-0000-5000-8000-000000000002';

export const cattleFarm: EntityState = {
  status: 'registered',
  entityId,
  name: '石头村养牛合作社',
  kind: 'cooperative',
  township: '城关镇',
  county: '英山县',
  stakes: {},
  stakeCount: 0,
  topups: {},
};

export const registered: ProjectEvent = {
  type: 'ProjectRegistered',
  data: { projectId, name: '肉牛养殖扶贫项目', industry: 'breeding', county: '英山县' },
};

export const received = (amountFen: number, n = 1): ProjectEvent => ({
  type: 'ProjectFundsReceived',
  data: {
    projectId,
    fundId: `${projectId}.f${n}`,
    source: 'county',
    amountFen,
    documentRef: '英财农〔2018〕12号',
    receivedOn: '2018-01-10',
  },
});

export const disbursed = (amountFen: number, n = 1, to = entityId): ProjectEvent => ({
  type: 'ProjectFundsDisbursed',
  data: {
    projectId,
    disbursementId: `${projectId}.d${n}`,
    entityId: to,
    entityName: '石头村养牛合作社',
    amountFen,
    purpose: '购买基础母牛',
    disbursedOn: '2018-02-01',
  },
});
