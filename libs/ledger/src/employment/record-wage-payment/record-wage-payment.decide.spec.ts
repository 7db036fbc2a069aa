import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { EMPLOYMENT_ID, reversed, started, wagePaid } from '../employment.fixtures';
import type { EmploymentEvent } from '../employment.events';
import { employment } from '../employment.state';
import { RecordWagePaymentCommand } from './record-wage-payment.command';
import { decideRecordWagePayment } from './record-wage-payment.decide';

const spec = specFor(employment, decideRecordWagePayment);

type Payload = Omit<RecordWagePaymentCommand['payload'], 'employmentId'>;
const july: Payload = { period: '2018-07', amountFen: 200000, paidOn: '2018-07-28' };
const pay = (payload: Partial<Payload> = {}, actor = admin) =>
  new RecordWagePaymentCommand({ employmentId: EMPLOYMENT_ID, ...july, ...payload }, metadataFor(actor));

const ended: EmploymentEvent = {
  type: 'EmploymentEnded',
  data: { employmentId: EMPLOYMENT_ID, endsOn: '2018-10-31', reason: '采摘季结束' },
};
const daily: EmploymentEvent = { ...started, data: { ...started.data, wageBasis: 'daily', rateFen: 10000 } };

describe('record a wage payment', () => {
  it('pays a picking-garden worker 200,000 fen (2,000.00 yuan) for 2018-07 as the first payment', () => {
    spec
      .given([started])
      .when(pay())
      .then([wagePaid(1, '2018-07')]);
  });

  it('keeps the voucher reference and, for a monthly wage, the attendance if given', () => {
    spec
      .given([started])
      .when(pay({ reference: 'GZ-2018-07-001', daysWorked: 26 }))
      .then([wagePaid(1, '2018-07', 200000, { reference: 'GZ-2018-07-001', daysWorked: 26 })]);
  });

  it('refuses a second payment for a month already paid unless it is supplementary', () => {
    spec
      .given([started, wagePaid(1, '2018-07')])
      .when(pay())
      .thenRefused('EMPLOYMENT.MONTH_ALREADY_PAID', 'rule');
  });

  it('records a supplementary payment (补发) for a month already paid', () => {
    spec
      .given([started, wagePaid(1, '2018-07')])
      .when(pay({ amountFen: 30000, paidOn: '2018-08-10', supplementary: true }))
      .then([wagePaid(2, '2018-07', 30000, { paidOn: '2018-08-10', supplementary: true })]);
  });

  it('refuses a supplementary payment for a month with no payment yet, counting only unreversed payments', () => {
    spec
      .given([started])
      .when(pay({ supplementary: true }))
      .thenRefused('EMPLOYMENT.NOTHING_TO_SUPPLEMENT', 'rule');
    spec
      .given([started, wagePaid(1, '2018-07'), reversed(1)])
      .when(pay({ supplementary: true }))
      .thenRefused('EMPLOYMENT.NOTHING_TO_SUPPLEMENT', 'rule');
  });

  it('accepts an ordinary payment again once the first was reversed, with the next payment id', () => {
    spec
      .given([started, wagePaid(1, '2018-07'), reversed(1)])
      .when(pay())
      .then([wagePaid(2, '2018-07')]);
  });

  it('pays other months independently', () => {
    spec
      .given([started, wagePaid(1, '2018-07')])
      .when(pay({ period: '2018-08', paidOn: '2018-08-28' }))
      .then([wagePaid(2, '2018-08')]);
  });

  it('accepts the month the employment started in, even mid-month, and refuses a month before it', () => {
    spec
      .given([started])
      .when(pay({ period: '2018-03', amountFen: 110000, paidOn: '2018-03-31' }))
      .then([wagePaid(1, '2018-03', 110000, { paidOn: '2018-03-31' })]);
    spec
      .given([started])
      .when(pay({ period: '2018-02', paidOn: '2018-03-31' }))
      .thenRefused('EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT', 'rule');
  });

  it('accepts the month the employment ended in, and refuses a later month', () => {
    spec
      .given([started, ended])
      .when(pay({ period: '2018-10', paidOn: '2018-11-05' }))
      .then([wagePaid(1, '2018-10', 200000, { paidOn: '2018-11-05' })]);
    spec
      .given([started, ended])
      .when(pay({ period: '2018-11', paidOn: '2018-11-28' }))
      .thenRefused('EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT', 'rule');
  });

  it('refuses a payment made before the employment started', () => {
    spec
      .given([started])
      .when(pay({ period: '2018-03', paidOn: '2018-03-14' }))
      .thenRefused('EMPLOYMENT.PAID_BEFORE_START', 'rule');
  });

  it('requires the days worked for day-rate wages', () => {
    spec
      .given([daily])
      .when(pay({ amountFen: 220000 }))
      .thenRefused('EMPLOYMENT.DAYS_WORKED_REQUIRED', 'rule');
    spec
      .given([daily])
      .when(pay({ amountFen: 220000, daysWorked: 22 }))
      .then([wagePaid(1, '2018-07', 220000, { daysWorked: 22 })]);
  });

  it('refuses more days worked than the month has', () => {
    spec
      .given([started])
      .when(pay({ period: '2019-02', paidOn: '2019-02-28', daysWorked: 29 }))
      .thenRefused('EMPLOYMENT.TOO_MANY_DAYS', 'rule');
    spec
      .given([started])
      .when(pay({ period: '2020-02', paidOn: '2020-02-29', daysWorked: 29 }))
      .then([wagePaid(1, '2020-02', 200000, { paidOn: '2020-02-29', daysWorked: 29 })]);
  });

  it('answers not found for an employment nobody recorded', () => {
    spec.given([]).when(pay()).thenRefused('EMPLOYMENT.NOT_FOUND', 'not_found');
  });

  it("lets only admins and clerks of the household's township record wages", () => {
    spec
      .given([started])
      .when(pay({}, clerkOf('城关镇')))
      .then([wagePaid(1, '2018-07')]);
    spec
      .given([started])
      .when(pay({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([started]).when(pay({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
