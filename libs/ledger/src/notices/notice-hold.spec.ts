import fc from 'fast-check';
import { addDays } from '../primitives/calendar';
import { holdOf } from './notice-writer';
import { notice } from './notice.state';
import { declarationId, li, noticeId, objected, posted, resolved, zhang } from './notice.fixtures';
import type { NoticeEvent } from './notice.events';
import { noticeHolding, withNoticeHold, NO_NOTICE_HOLDS } from '../payments/notice-hold';

const holdAfter = (events: NoticeEvent[]) => {
  const state = events.reduce(notice.evolve, notice.initialState);
  if (state.status !== 'posted') throw new Error('not posted');
  return holdOf(state, declarationId);
};
const holds = (events: NoticeEvent[]) => withNoticeHold(NO_NOTICE_HOLDS, holdAfter(events));

describe('the hold a notice puts on its subject’s payments', () => {
  it('names the village’s households, the last day and the objections not answered', () => {
    expect(holdAfter([posted, objected(1), objected(2), resolved(1)])).toEqual({
      type: 'NoticeHoldChanged',
      data: {
        noticeId,
        subjectId: declarationId,
        householdIds: [zhang, li],
        closesOn: '2018-07-07',
        unresolvedObjections: 1,
      },
    });
  });

  it('holds from posting through closesOn, then only while an objection is unanswered', () => {
    expect(noticeHolding(holds([posted]), zhang, '2018-06-01')).toBe(noticeId);
    expect(noticeHolding(holds([posted]), zhang, '2018-07-07')).toBe(noticeId);
    expect(noticeHolding(holds([posted]), zhang, '2018-07-08')).toBeUndefined();
    expect(noticeHolding(holds([posted, objected(1)]), zhang, '2018-07-08')).toBe(noticeId);
    expect(noticeHolding(holds([posted, objected(1), resolved(1, 'rejected')]), zhang, '2018-07-08')).toBeUndefined();
    expect(noticeHolding(holds([posted]), 'household-someone-else', '2018-07-01')).toBeUndefined();
  });

  it('never releases a household on the notice before its window has closed, whatever the objections (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.nat({ max: 5 }),
        fc.nat({ max: 5 }),
        (offset, raised, answered) => {
          const events: NoticeEvent[] = [posted];
          for (let n = 1; n <= raised; n++) events.push(objected(n));
          for (let n = 1; n <= Math.min(raised, answered); n++) events.push(resolved(n));
          const today = addDays('2018-07-07', offset);
          const held = noticeHolding(holds(events), li, today) !== undefined;
          expect(held).toBe(offset <= 0 || raised > answered);
        },
      ),
    );
  });
});
