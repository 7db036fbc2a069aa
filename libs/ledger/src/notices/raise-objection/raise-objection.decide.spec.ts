import type { Actor } from '../../common/actor';
import { admin, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { notice } from '../notice.state';
import { noticeId, objected, onDay, posted, zhang } from '../notice.fixtures';
import { RaiseObjectionCommand } from './raise-objection.command';
import { decideRaiseObjection, type Objector } from './raise-objection.decide';

const household: Actor = { userId: 'u-zhang', role: 'household', townships: [], householdId: zhang };
const from = (objector: Objector | undefined) =>
  specFor(notice, (command: RaiseObjectionCommand, state) => decideRaiseObjection(command, state, objector));
const ofVillage = from({ township: '城关镇', village: '桃园村' });
const raise = (actor: Actor, date: string, rowId?: string) =>
  new RaiseObjectionCommand(
    { noticeId, text: '金额不对', ...(rowId === undefined ? {} : { rowId }) },
    metadataFor(actor, { issuedAt: onDay(date) }),
  );

describe('object to a notice', () => {
  it('records a household’s objection to a row of its own village’s notice while it is open', () => {
    ofVillage
      .given([posted])
      .when(raise(household, '2018-07-02', 'r1'))
      .then([{ type: 'ObjectionRaised', data: { ...objected(1, 'r1').data, householdId: zhang } }]);
  });

  it('numbers objections in the notice; a clerk or an admin may object to the list as a whole', () => {
    ofVillage
      .given([posted, objected(1)])
      .when(raise(admin, '2018-07-02'))
      .then([objected(2)]);
    ofVillage
      .given([posted])
      .when(raise(clerkOf('城关镇'), '2018-07-02'))
      .then([objected(1)]);
    ofVillage
      .given([posted])
      .when(raise(clerkOf('温泉镇'), '2018-07-02'))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
  });

  it('refuses a household of another village (403)', () => {
    from({ township: '城关镇', village: '杏花村' })
      .given([posted])
      .when(raise(household, '2018-07-02'))
      .thenRefused('NOTICE.OTHER_VILLAGE', 'forbidden');
  });

  it('is open from opensOn through closesOn by the China-time date, not before or after', () => {
    ofVillage.given([posted]).when(raise(admin, '2018-06-30')).thenRefused('NOTICE.NOT_OPEN', 'rule');
    ofVillage
      .given([posted])
      .when(raise(admin, '2018-07-07'))
      .then([{ type: 'ObjectionRaised', data: { ...objected(1).data, raisedOn: '2018-07-07' } }]);
    ofVillage.given([posted]).when(raise(admin, '2018-07-08')).thenRefused('NOTICE.NOT_OPEN', 'rule');
    // 2018-07-07T23:30 in UTC is already the 8th in China.
    ofVillage
      .given([posted])
      .when(
        new RaiseObjectionCommand({ noticeId, text: 'x' }, metadataFor(admin, { issuedAt: '2018-07-07T16:30:00Z' })),
      )
      .thenRefused('NOTICE.NOT_OPEN');
  });

  it('refuses a row the notice does not have, and an unknown notice', () => {
    ofVillage
      .given([posted])
      .when(raise(admin, '2018-07-02', 'r3'))
      .thenRefused('NOTICE.UNKNOWN_ROW', 'rule');
    ofVillage.given([]).when(raise(admin, '2018-07-02')).thenRefused('NOTICE.NOT_FOUND', 'not_found');
  });
});
