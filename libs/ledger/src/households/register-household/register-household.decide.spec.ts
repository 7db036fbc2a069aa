import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { HouseholdRegistered } from '../household.events';
import { household } from '../household.state';
import { RegisterHouseholdCommand } from './register-household.command';
import { decideRegisterHousehold } from './register-household.decide';

const spec = specFor(household, decideRegisterHousehold);

const zhang: HouseholdRegistered['data'] = {
  householdId: 'household-1',
  registrationNo: '4211270101001',
  headName: '张三',
  members: 4,
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
};

describe('register a household', () => {
  it('records a new household', () => {
    spec
      .given([])
      .when(new RegisterHouseholdCommand(zhang, metadataFor(clerkOf('城关镇'))))
      .then([{ type: 'HouseholdRegistered', data: zhang }]);
  });

  it('refuses a registration number that is already registered, as a conflict', () => {
    spec
      .given([{ type: 'HouseholdRegistered', data: zhang }])
      .when(new RegisterHouseholdCommand({ ...zhang, headName: '李四' }, metadataFor(admin)))
      .thenRefused('HOUSEHOLD.REGISTRATION_NO_TAKEN', 'conflict');
  });

  it('refuses a clerk of another township and an auditor', () => {
    spec
      .given([])
      .when(new RegisterHouseholdCommand(zhang, metadataFor(clerkOf('温泉镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec
      .given([])
      .when(new RegisterHouseholdCommand(zhang, metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
