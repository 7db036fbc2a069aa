import type { Actor } from '../../common/actor';
import { admin, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { StatementAcknowledged } from '../../acknowledgements/acknowledgement.events';
import { acknowledgements } from '../../acknowledgements/acknowledgement.state';
import { AcknowledgeStatementCommand } from './acknowledge-statement.command';
import { decideAcknowledgeStatement, type AcknowledgedStatement } from './acknowledge-statement.decide';

const householdId = 'household-00000000-0000-5000-8000-000000000001';
const stream = 'acknowledgement-00000000-0000-5000-8000-000000000001';
const self: Actor = { userId: 'u-1', role: 'household', townships: [], householdId };
const neighbour: Actor = { ...self, householdId: 'household-00000000-0000-5000-8000-000000000002' };
const now: AcknowledgedStatement = { township: '城关镇', totalFen: 4_000_00 };
const spec = (statement = now) =>
  specFor(acknowledgements, (command: AcknowledgeStatementCommand, state) =>
    decideAcknowledgeStatement(command, state, stream, statement),
  );
const acknowledge = (actor: Actor, extra: Partial<AcknowledgeStatementCommand['payload']> = {}) =>
  new AcknowledgeStatementCommand(
    {
      householdId,
      through: '2018-12-31',
      totalFen: 4_000_00,
      method: 'signature',
      acknowledgedOn: '2019-01-05',
      ...extra,
    },
    metadataFor(actor),
  );
const recorded = (n: number, extra: Partial<StatementAcknowledged['data']> = {}): StatementAcknowledged => ({
  type: 'StatementAcknowledged',
  data: {
    acknowledgementId: `${stream}.a${n}`,
    householdId,
    through: '2018-12-31',
    totalFen: 4_000_00,
    method: 'signature',
    acknowledgedOn: '2019-01-05',
    disputed: false,
    ...extra,
  },
});

describe('acknowledge a statement', () => {
  it('records the household’s own confirmation when the total is the ledger’s now', () => {
    spec()
      .given([])
      .when(acknowledge(self))
      .then([recorded(1)]);
  });

  it('records a clerk’s on the household’s behalf, numbered after earlier ones, with a dispute and comment', () => {
    spec()
      .given([recorded(1)])
      .when(acknowledge(clerkOf('城关镇'), { method: 'thumbprint', disputed: true, comment: '少了一笔' }))
      .then([recorded(2, { method: 'thumbprint', disputed: true, comment: '少了一笔' })]);
  });

  it('allows 0 when nothing was received', () => {
    spec({ township: '城关镇', totalFen: 0 })
      .given([])
      .when(acknowledge(admin, { totalFen: 0 }))
      .then([recorded(1, { totalFen: 0 })]);
  });

  it('refuses when the figures changed since the card was printed', () => {
    spec({ township: '城关镇', totalFen: 4_200_00 })
      .given([])
      .when(acknowledge(self))
      .thenRefused('ACKNOWLEDGEMENT.FIGURES_CHANGED', 'rule');
  });

  it('refuses another household and another township’s clerk', () => {
    spec().given([]).when(acknowledge(neighbour)).thenRefused('AUTH.NOT_YOURS', 'forbidden');
    spec()
      .given([])
      .when(acknowledge(clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
  });
});
