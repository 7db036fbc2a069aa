import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { PayDividendCommand } from '../../dividends/pay-dividend/pay-dividend.command';
import { decidePayDividend } from '../../dividends/pay-dividend/pay-dividend.decide';
import { declarationId, declared, li, paid, reversed, zhang } from '../../dividends/dividend.fixtures';
import type { DividendEvent } from '../../dividends/dividend.events';
import { dividendPayments } from '../../dividends/dividend.state';
import { EMPLOYMENT_ID, started, wagePaid } from '../../employment/employment.fixtures';
import { employmentPayments } from '../../employment/employment.state';
import { decideReissuePayment } from '../reissue-payment/reissue-payment.decide';
import { ReissuePaymentCommand } from '../reissue-payment/reissue-payment.command';
import { ReversePaymentCommand } from '../reverse-payment/reverse-payment.command';
import { decideReversePayment, oneHousehold } from '../reverse-payment/reverse-payment.decide';
import { ReturnPaymentCommand } from './return-payment.command';
import { decideReturnPayment } from './return-payment.decide';

const p1 = `${declarationId}.p1`;
const clerk = clerkOf('城关镇');

const returnOf = (paymentId: string, actor = clerk, returnedOn = '2018-07-20'): ReturnPaymentCommand =>
  new ReturnPaymentCommand({ paymentId, returnedOn, reason: 'account_closed', detail: '已销户' }, metadataFor(actor));
const reissueOf = (paymentId: string, actor = clerk, paidOn = '2018-07-25'): ReissuePaymentCommand =>
  new ReissuePaymentCommand({ paymentId, paidOn, reference: 'PZ-31' }, metadataFor(actor));

const returned = (paymentId: string): DividendEvent => ({
  type: 'PaymentReturned',
  data: { paymentId, returnedOn: '2018-07-20', reason: 'account_closed', detail: '已销户' },
});
const reissued = (paymentId: string, of: string, householdId = zhang, amountFen = 1_000_00): DividendEvent => ({
  type: 'PaymentReissued',
  data: {
    paymentId,
    reissueOf: of,
    householdId,
    amountFen,
    paidOn: '2018-07-25',
    period: '2018-H1',
    reference: 'PZ-31',
  },
});

const returns = specFor(dividendPayments.evolver, (c: ReturnPaymentCommand, s) =>
  decideReturnPayment(c, s, dividendPayments),
);
const reissues = specFor(dividendPayments.evolver, (c: ReissuePaymentCommand, s) =>
  decideReissuePayment(c, s, dividendPayments),
);
const reversals = specFor(dividendPayments.evolver, (c: ReversePaymentCommand, s) =>
  decideReversePayment(c, s, dividendPayments),
);
const payments = specFor(dividendPayments.evolver, (c: PayDividendCommand, s) => decidePayDividend(c, s, '城关镇'));
const wageReturns = specFor(employmentPayments.evolver, (c: ReturnPaymentCommand, s) =>
  decideReturnPayment(c, s, oneHousehold(employmentPayments)),
);

describe('return a payment (退回)', () => {
  it('marks any payment kind returned, with the bank’s date, reason and detail', () => {
    returns
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(returnOf(p1))
      .then([returned(p1)]);
    wageReturns
      .given([started, wagePaid(1, '2018-04')])
      .when(returnOf(`${EMPLOYMENT_ID}.p1`, admin))
      .then([
        {
          type: 'PaymentReturned',
          data: {
            paymentId: `${EMPLOYMENT_ID}.p1`,
            returnedOn: '2018-07-20',
            reason: 'account_closed',
            detail: '已销户',
          },
        },
      ]);
  });

  it('leaves a returned payment on record, not counted: its allocation can be paid again', () => {
    payments
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(
        new PayDividendCommand(
          { declarationId, householdId: zhang, amountFen: 1_000_00, paidOn: '2018-07-26' },
          metadataFor(clerk),
        ),
      )
      .thenRefused('DIVIDEND.OVERPAYMENT', 'rule');
    const events = payments
      .given([declared, paid(1, zhang, 1_000_00), returned(p1)])
      .when(
        new PayDividendCommand(
          { declarationId, householdId: zhang, amountFen: 1_000_00, paidOn: '2018-07-26' },
          metadataFor(clerk),
        ),
      )
      .thenEvents();
    expect(events).toHaveLength(1);
  });

  it('refuses to return a payment twice, or a reversed one; and to reverse a returned one', () => {
    returns
      .given([declared, paid(1, zhang, 1_000_00), returned(p1)])
      .when(returnOf(p1))
      .thenRefused('PAYMENT.ALREADY_RETURNED', 'rule');
    returns
      .given([declared, paid(1, zhang, 1_000_00), reversed(1)])
      .when(returnOf(p1))
      .thenRefused('PAYMENT.REVERSED_NOT_RETURNABLE', 'rule');
    reversals
      .given([declared, paid(1, zhang, 1_000_00), returned(p1)])
      .when(new ReversePaymentCommand({ paymentId: p1, reason: '错' }, metadataFor(clerk)))
      .thenRefused('PAYMENT.RETURNED_NOT_REVERSIBLE', 'rule');
  });

  it('refuses a return dated before the payment', () => {
    returns
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(returnOf(p1, clerk, '2018-07-14'))
      .thenRefused('PAYMENT.RETURNED_BEFORE_PAID', 'rule');
  });

  it('answers 404 for an unknown payment or a reversal id; 403 for other townships and auditors', () => {
    returns
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(returnOf(`${declarationId}.p2`))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
    returns
      .given([declared, paid(1, zhang, 1_000_00), reversed(1)])
      .when(returnOf(`${p1}.r`))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
    returns
      .given([declared, paid(1, li, 1_500_00)])
      .when(returnOf(p1, clerk))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    returns
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(returnOf(p1, auditor))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});

describe('reissue a returned payment (重新发放)', () => {
  it('pays it again as the linkage’s next payment: same household, amount and period, linked both ways', () => {
    reissues
      .given([declared, paid(1, zhang, 1_000_00), paid(2, li, 1_500_00), returned(p1)])
      .when(reissueOf(p1))
      .then([reissued(`${declarationId}.p3`, p1)]);
    const state = [declared, paid(1, zhang, 1_000_00), returned(p1), reissued(`${declarationId}.p2`, p1)].reduce(
      (s, e) => dividendPayments.evolver.evolve(s, e),
      dividendPayments.evolver.initialState,
    );
    const all = dividendPayments.payments(state);
    expect(all.get(p1)).toMatchObject({ reissuedAs: `${declarationId}.p2`, returned: { reason: 'account_closed' } });
    expect(all.get(`${declarationId}.p2`)).toMatchObject({ reissueOf: p1, amountFen: 1_000_00, householdId: zhang });
    expect(all.paidFen({ householdId: zhang })).toBe(1_000_00);
  });

  it('reissues only a returned payment, once, not before it came back', () => {
    reissues
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(reissueOf(p1))
      .thenRefused('PAYMENT.NOT_RETURNED', 'rule');
    reissues
      .given([declared, paid(1, zhang, 1_000_00), returned(p1), reissued(`${declarationId}.p2`, p1)])
      .when(reissueOf(p1))
      .thenRefused('PAYMENT.ALREADY_REISSUED', 'rule');
    reissues
      .given([declared, paid(1, zhang, 1_000_00), returned(p1)])
      .when(reissueOf(p1, clerk, '2018-07-19'))
      .thenRefused('PAYMENT.REISSUED_BEFORE_RETURNED', 'rule');
  });

  it('lets only admins and clerks of the household’s township reissue', () => {
    reissues
      .given([declared, paid(1, zhang, 1_000_00), returned(p1)])
      .when(reissueOf(p1, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    reissues
      .given([declared, paid(1, zhang, 1_000_00), returned(p1)])
      .when(reissueOf(p1, auditor))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
