import type { LinkageParties } from '../../common/linkage-parties';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { zhangHousehold, pickingGarden } from '../../employment/employment.fixtures';
import { initialEntityState } from '../../entities/entity.state';
import { initialHouseholdState } from '../../households/household.state';
import { contracted, ORDER_ID } from '../order.fixtures';
import { order } from '../order.state';
import { ContractOrderCommand } from './contract-order.command';
import { decideContractOrder } from './contract-order.decide';

const both: LinkageParties = { household: zhangHousehold, entity: pickingGarden };
const specWith = (parties: LinkageParties) =>
  specFor(order, (command: ContractOrderCommand, state) => decideContractOrder(command, state, parties));

type Payload = ContractOrderCommand['payload'];
const terms: Payload = {
  orderId: ORDER_ID,
  entityId: 'entity-1',
  householdId: 'household-1',
  product: '猕猴桃',
  unit: 'kg',
  priceFen: 380,
  startsOn: '2018-08-01',
  endsOn: '2018-10-31',
};
const contract = (payload: Partial<Payload> = {}, actor = admin) =>
  new ContractOrderCommand({ ...terms, ...payload }, metadataFor(actor));

describe('contract an order', () => {
  it("records the product, unit, price and term, naming the entity and the household's township", () => {
    specWith(both).given([]).when(contract()).then([contracted]);
  });

  it('may run for a single day, but not end before it starts', () => {
    specWith(both)
      .given([])
      .when(contract({ endsOn: '2018-08-01' }))
      .then([{ ...contracted, data: { ...contracted.data, endsOn: '2018-08-01' } }]);
    specWith(both)
      .given([])
      .when(contract({ endsOn: '2018-07-31' }))
      .thenRefused('ORDER.ENDS_BEFORE_START', 'rule');
  });

  it('refuses a household or an entity that is not registered', () => {
    specWith({ ...both, household: initialHouseholdState })
      .given([])
      .when(contract())
      .thenRefused('ORDER.UNKNOWN_HOUSEHOLD', 'rule');
    specWith({ ...both, entity: initialEntityState })
      .given([])
      .when(contract())
      .thenRefused('ORDER.UNKNOWN_ENTITY', 'rule');
  });

  it("lets only admins and clerks of the household's township contract", () => {
    specWith(both)
      .given([])
      .when(contract({}, clerkOf('城关镇')))
      .then([contracted]);
    specWith(both)
      .given([])
      .when(contract({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    specWith(both).given([]).when(contract({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });

  it('refuses to record the same order twice, as a conflict', () => {
    specWith(both).given([contracted]).when(contract()).thenRefused('ORDER.ALREADY_CONTRACTED', 'conflict');
  });
});
