import type { EntityState } from '../entities/entity.state';
import type { HouseholdState } from '../households/household.state';
import type { EmploymentEvent, EmploymentStarted, WagePaid } from './employment.events';

export const EMPLOYMENT_ID = 'employment-00000000-0000-5000-8000-000000000001';

export const zhangHousehold: Extract<HouseholdState, { status: 'registered' }> = {
  status: 'registered',
  householdId: 'household-1',
  registrationNo: '4211270101001',
  headName: '张三',
  members: 4,
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
  povertyStatus: 'enrolled',
  statusHistory: [],
};

export const pickingGarden: Extract<EntityState, { status: 'registered' }> = {
  status: 'registered',
  entityId: 'entity-1',
  name: '桃园采摘园有限公司',
  kind: 'company',
  township: '城关镇',
  county: '英山县',
  stakes: {},
  stakeCount: 0,
  topups: {},
};

/** A picking-garden worker on close to 2,000 yuan a month, from 2018-03-15. */
export const started: EmploymentStarted = {
  type: 'EmploymentStarted',
  data: {
    employmentId: EMPLOYMENT_ID,
    entityId: 'entity-1',
    entityName: '桃园采摘园有限公司',
    householdId: 'household-1',
    township: '城关镇',
    workerName: '张三',
    startsOn: '2018-03-15',
    wageBasis: 'monthly',
    rateFen: 200000,
  },
};

/** The n-th wage payment of the employment, for a month. */
export function wagePaid(
  n: number,
  period: string,
  amountFen = 200000,
  extra: Partial<WagePaid['data']> = {},
): WagePaid {
  return {
    type: 'WagePaid',
    data: {
      employmentId: EMPLOYMENT_ID,
      paymentId: `${EMPLOYMENT_ID}.p${n}`,
      householdId: 'household-1',
      workerName: '张三',
      period,
      amountFen,
      paidOn: `${period}-28`,
      supplementary: false,
      ...extra,
    },
  };
}

export function reversed(n: number): EmploymentEvent {
  const paymentId = `${EMPLOYMENT_ID}.p${n}`;
  return { type: 'PaymentReversed', data: { paymentId, reversalId: `${paymentId}.r`, reason: '重复录入' } };
}
