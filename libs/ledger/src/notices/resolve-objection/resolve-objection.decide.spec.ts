import { acknowledgements } from '../../acknowledgements/acknowledgement.state';
import type { AcknowledgementEvent } from '../../acknowledgements/acknowledgement.events';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { ObjectionOutcome } from '../notice.events';
import { notice } from '../notice.state';
import { noticeId, objected, onDay, posted, resolved, zhang } from '../notice.fixtures';
import { ResolveObjectionCommand } from './resolve-objection.command';
import { decideResolveObjection, grievanceOf, objectionOnNotice } from './resolve-objection.decide';

const onNotice = specFor(notice, (command: ResolveObjectionCommand, state) =>
  decideResolveObjection(command, objectionOnNotice(state, command.payload.objectionId)),
);
const answer = (objectionId: string, outcome: ObjectionOutcome = 'upheld', actor = clerkOf('城关镇')) =>
  new ResolveObjectionCommand(
    { objectionId, outcome, response: '已核实' },
    metadataFor(actor, { issuedAt: onDay('2018-07-03') }),
  );

describe('answer an objection or a grievance', () => {
  it('records the answer of a clerk of the notice’s township, once', () => {
    onNotice
      .given([posted, objected(1)])
      .when(answer(`${noticeId}.o1`))
      .then([resolved(1)]);
    onNotice
      .given([posted, objected(1)])
      .when(answer(`${noticeId}.o1`, 'rejected', admin))
      .then([resolved(1, 'rejected')]);
    onNotice
      .given([posted, objected(1), resolved(1)])
      .when(answer(`${noticeId}.o1`, 'rejected'))
      .thenRefused('OBJECTION.ALREADY_RESOLVED', 'rule');
  });

  it('refuses another township’s clerk, an auditor, and an objection that does not exist', () => {
    onNotice
      .given([posted, objected(1)])
      .when(answer(`${noticeId}.o1`, 'upheld', clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
    onNotice
      .given([posted, objected(1)])
      .when(answer(`${noticeId}.o1`, 'upheld', auditor))
      .thenRefused('AUTH.READ_ONLY_ROLE');
    onNotice
      .given([posted, objected(1)])
      .when(answer(`${noticeId}.o2`))
      .thenRefused('OBJECTION.NOT_FOUND', 'not_found');
  });

  it('answers a disputed acknowledgement as a grievance, and nothing else in the household’s stream', () => {
    const stream = 'acknowledgement-00000000-0000-5000-8000-000000000001';
    const acknowledged = (n: number, disputed: boolean): AcknowledgementEvent => ({
      type: 'StatementAcknowledged',
      data: {
        acknowledgementId: `${stream}.a${n}`,
        householdId: zhang,
        through: '2018-06-30',
        totalFen: 1_500_00,
        method: 'phone',
        acknowledgedOn: '2018-07-01',
        disputed,
      },
    });
    const grievances = specFor(acknowledgements, (command: ResolveObjectionCommand, state) =>
      decideResolveObjection(command, grievanceOf(state, command.payload.objectionId, '城关镇')),
    );
    grievances
      .given([acknowledged(1, false), acknowledged(2, true)])
      .when(answer(`${stream}.a2`, 'rejected'))
      .then([
        {
          type: 'ObjectionResolved',
          data: { objectionId: `${stream}.a2`, outcome: 'rejected', response: '已核实', resolvedOn: '2018-07-03' },
        },
      ]);
    grievances
      .given([acknowledged(1, false)])
      .when(answer(`${stream}.a1`))
      .thenRefused('OBJECTION.NOT_FOUND');
  });
});
