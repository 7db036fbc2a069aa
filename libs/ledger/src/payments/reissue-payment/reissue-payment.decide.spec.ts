import type { DomainError } from '../../common/domain-error';
import { clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { declarationId, declared, li, paid, zhang } from '../../dividends/dividend.fixtures';
import type { DividendStreamEvent } from '../../dividends/dividend.events';
import { dividend, dividendPayments } from '../../dividends/dividend.state';
import { EMPLOYMENT_ID, started, wagePaid } from '../../employment/employment.fixtures';
import { employmentPayments } from '../../employment/employment.state';
import { oneHousehold } from '../reverse-payment/reverse-payment.decide';
import { ReissuePaymentCommand } from './reissue-payment.command';
import { decideReissuePayment } from './reissue-payment.decide';

const p1 = `${declarationId}.p1`;
const noticeId = 'notice-00000000-0000-5000-8000-0000000000a1';

const returned = (paymentId: string): DividendStreamEvent => ({
  type: 'PaymentReturned',
  data: { paymentId, returnedOn: '2018-07-20', reason: 'account_closed' },
});
/** A notice on the declaration listing `householdIds`, its window closing on 2018-07-30. */
const hold = (unresolvedObjections: number, householdIds = [zhang]): DividendStreamEvent => ({
  type: 'NoticeHoldChanged',
  data: { noticeId, subjectId: declarationId, householdIds, closesOn: '2018-07-30', unresolvedObjections },
});
/** A reissue paid on 2018-07-25, decided on `today` (China time). */
const reissueOn = (today: string, actor = clerkOf('城关镇')): ReissuePaymentCommand =>
  new ReissuePaymentCommand(
    { paymentId: p1, paidOn: '2018-07-25' },
    metadataFor(actor, { issuedAt: `${today}T09:00:00+08:00` }),
  );

const reissues = specFor(dividend, (c: ReissuePaymentCommand, s) => decideReissuePayment(c, s, dividendPayments));

describe('a public notice’s hold on a reissue (重新发放), as on a first payment', () => {
  it('refuses to pay a returned payment again while the notice listing its household is open, naming the notice', () => {
    const when = reissues
      .given([declared, paid(1, zhang, 1_000_00), returned(p1), hold(0)])
      .when(reissueOn('2018-07-26'));
    when.thenRefused('PAYMENT.REISSUE_NOTICE-HOLD', 'rule');
    expect(() => when.thenEvents()).toThrow(
      expect.objectContaining({ extensions: { noticeId }, field: 'paymentId' }) as DomainError,
    );
  });

  it('keeps refusing after the window while an objection is unanswered, and reissues once it is answered', () => {
    const given = [declared, paid(1, zhang, 1_000_00), returned(p1), hold(0), hold(1)];
    reissues.given(given).when(reissueOn('2018-07-31')).thenRefused('PAYMENT.REISSUE_NOTICE-HOLD');
    reissues
      .given([...given, hold(0)])
      .when(reissueOn('2018-07-31'))
      .then([
        {
          type: 'PaymentReissued',
          data: {
            paymentId: `${declarationId}.p2`,
            reissueOf: p1,
            householdId: zhang,
            amountFen: 1_000_00,
            paidOn: '2018-07-25',
            period: '2018-H1',
          },
        },
      ]);
  });

  it('holds only the households the notice lists', () => {
    const events = reissues
      .given([declared, paid(1, zhang, 1_000_00), returned(p1), hold(0, [li])])
      .when(reissueOn('2018-07-26'))
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReissued']);
  });

  it('says first that the payment was not returned, before any hold', () => {
    reissues
      .given([declared, paid(1, zhang, 1_000_00), hold(0)])
      .when(reissueOn('2018-07-26'))
      .thenRefused('PAYMENT.NOT_RETURNED');
  });

  it('leaves linkages no notice can list (a wage) unheld', () => {
    const wages = specFor(employmentPayments.evolver, (c: ReissuePaymentCommand, s) =>
      decideReissuePayment(c, s, oneHousehold(employmentPayments)),
    );
    const paymentId = `${EMPLOYMENT_ID}.p1`;
    const events = wages
      .given([
        started,
        wagePaid(1, '2018-04'),
        { type: 'PaymentReturned', data: { paymentId, returnedOn: '2018-07-20', reason: 'other' } },
      ])
      .when(new ReissuePaymentCommand({ paymentId, paidOn: '2018-07-25' }, metadataFor(clerkOf('城关镇'))))
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReissued']);
  });
});
