import { admin, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { HouseholdRegistered } from '../household.events';
import { household } from '../household.state';
import { EraseHouseholdCommand } from './erase-household.command';
import { decideEraseHousehold } from './erase-household.decide';

const spec = specFor(household, decideEraseHousehold);

const zhang: HouseholdRegistered['data'] = {
  householdId: 'household-1',
  registrationNo: '4211270101001',
  headName: '张三',
  members: 4,
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
};
const erase = (by = admin) =>
  new EraseHouseholdCommand({ householdId: 'household-1', reason: '工单 2026-118' }, metadataFor(by));

describe('erase a household’s personal data', () => {
  it('records the erasure with the admin’s reason', () => {
    spec
      .given([{ type: 'HouseholdRegistered', data: zhang }])
      .when(erase())
      .then([{ type: 'HouseholdErased', data: { householdId: 'household-1', reason: '工单 2026-118' } }]);
  });

  it('refuses anyone but an admin, even the household’s own clerk', () => {
    spec
      .given([{ type: 'HouseholdRegistered', data: zhang }])
      .when(erase(clerkOf('城关镇')))
      .thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
  });

  it('refuses a household that is not registered', () => {
    spec.given([]).when(erase()).thenRefused('HOUSEHOLD.NOT_FOUND', 'not_found');
  });

  it('erases once: a second erasure is a conflict', () => {
    spec
      .given([
        { type: 'HouseholdRegistered', data: zhang },
        { type: 'HouseholdErased', data: { householdId: 'household-1', reason: '工单 2026-118' } },
      ])
      .when(erase())
      .thenRefused('HOUSEHOLD.ALREADY_ERASED', 'conflict');
  });
});
