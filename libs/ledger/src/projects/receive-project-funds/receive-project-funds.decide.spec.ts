import { admin, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { MAX_FEN } from '../../primitives/money';
import { projectId, received, registered } from '../project.fixtures';
import { project } from '../project.state';
import { ReceiveProjectFundsCommand } from './receive-project-funds.command';
import { decideReceiveProjectFunds } from './receive-project-funds.decide';

const spec = specFor(project, decideReceiveProjectFunds);
const funds = (amountFen: number) => ({
  projectId,
  source: 'county' as const,
  amountFen,
  documentRef: '英财农〔2018〕12号',
  receivedOn: '2018-01-10',
});

describe('receive project funds', () => {
  it('records the receipt with the next fund id', () => {
    spec
      .given([registered])
      .when(new ReceiveProjectFundsCommand(funds(100_000_00), metadataFor(admin)))
      .then([{ type: 'ProjectFundsReceived', data: { ...funds(100_000_00), fundId: `${projectId}.f1` } }]);
    spec
      .given([registered, received(5_000_00)])
      .when(new ReceiveProjectFundsCommand(funds(100_000_00), metadataFor(admin)))
      .then([{ type: 'ProjectFundsReceived', data: { ...funds(100_000_00), fundId: `${projectId}.f2` } }]);
  });

  it('adds receipts up by source', () => {
    const state = [registered, received(300), received(200, 2)].reduce(project.evolve, project.initialState);
    expect(state).toMatchObject({ receivedFen: 500, fundsBySource: { county: 500 } });
  });

  it('answers 404 for an unknown project', () => {
    spec
      .given([])
      .when(new ReceiveProjectFundsCommand(funds(100), metadataFor(admin)))
      .thenRefused('PROJECT.NOT_FOUND', 'not_found');
  });

  it('refuses a total beyond what the ledger can hold', () => {
    spec
      .given([registered, received(MAX_FEN)])
      .when(new ReceiveProjectFundsCommand(funds(1), metadataFor(admin)))
      .thenRefused('PROJECT.FUNDS_TOO_LARGE', 'rule');
  });

  it('is for admins only', () => {
    spec
      .given([registered])
      .when(new ReceiveProjectFundsCommand(funds(100), metadataFor(clerkOf('城关镇'))))
      .thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
  });
});
