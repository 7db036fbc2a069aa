import type { LinkageParties } from '../../common/linkage-parties';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { initialEntityState } from '../../entities/entity.state';
import { initialHouseholdState } from '../../households/household.state';
import { employment } from '../employment.state';
import { EMPLOYMENT_ID, pickingGarden, started, zhangHousehold } from '../employment.fixtures';
import { StartEmploymentCommand } from './start-employment.command';
import { decideStartEmployment } from './start-employment.decide';

const both: LinkageParties = { household: zhangHousehold, entity: pickingGarden };
const specWith = (parties: LinkageParties) =>
  specFor(employment, (command: StartEmploymentCommand, state) => decideStartEmployment(command, state, parties));

const payload = {
  employmentId: EMPLOYMENT_ID,
  entityId: 'entity-1',
  householdId: 'household-1',
  workerName: '张三',
  startsOn: '2018-03-15',
  wageBasis: 'monthly' as const,
  rateFen: 200000,
};
const start = (actor = admin) => new StartEmploymentCommand(payload, metadataFor(actor));

describe('start an employment', () => {
  it("records a picking-garden worker's monthly wage, naming the entity and the household's township", () => {
    specWith(both).given([]).when(start()).then([started]);
  });

  it("lets a clerk of the household's township record it", () => {
    specWith(both)
      .given([])
      .when(start(clerkOf('城关镇')))
      .then([started]);
  });

  it('refuses a household or an entity that is not registered', () => {
    specWith({ ...both, household: initialHouseholdState })
      .given([])
      .when(start())
      .thenRefused('EMPLOYMENT.UNKNOWN_HOUSEHOLD', 'rule');
    specWith({ ...both, entity: initialEntityState })
      .given([])
      .when(start())
      .thenRefused('EMPLOYMENT.UNKNOWN_ENTITY', 'rule');
  });

  it("scopes clerks by the household's township, not the entity's", () => {
    specWith({ ...both, entity: { ...pickingGarden, township: '温泉镇' } })
      .given([])
      .when(start(clerkOf('城关镇')))
      .then([started]);
    specWith(both)
      .given([])
      .when(start(clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    specWith(both).given([]).when(start(auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });

  it('refuses to start the same employment twice, as a conflict', () => {
    specWith(both).given([started]).when(start()).thenRefused('EMPLOYMENT.ALREADY_STARTED', 'conflict');
  });
});
