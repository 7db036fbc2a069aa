import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { LeaseEnded, LeaseEvent, LeaseSigned, RentPaid } from '../lease.events';
import { lease } from '../lease.state';
import { RecordRentPaymentCommand } from './record-rent-payment.command';
import { decideRecordRentPayment } from './record-rent-payment.decide';

const spec = specFor(lease, decideRecordRentPayment);

const signed: LeaseSigned = {
  type: 'LeaseSigned',
  data: {
    leaseId: 'lease-1',
    entityId: 'entity-1',
    entityName: '桃园合作社',
    householdId: 'household-1',
    township: '城关镇',
    areaMu: '2.50',
    rentPerMuYearFen: 80_000,
    startsOn: '2018-01-01',
    endsOn: '2020-12-31',
    schedule: 'yearly',
    dues: [
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
      { period: '2019', dueOn: '2019-01-01', share: '1', amountFen: 200_000 },
      { period: '2020', dueOn: '2020-01-01', share: '1', amountFen: 200_000 },
    ],
  },
};

const paid = (n: number, period: string, amountFen: number): RentPaid => ({
  type: 'RentPaid',
  data: {
    leaseId: 'lease-1',
    paymentId: `lease-1.p${n}`,
    entityId: 'entity-1',
    householdId: 'household-1',
    period,
    amountFen,
    paidOn: '2018-02-01',
    share: '1',
    dueFen: 200_000,
  },
});

const pay = (
  payload: Partial<RecordRentPaymentCommand['payload']> = {},
  actor = clerkOf('城关镇'),
): RecordRentPaymentCommand =>
  new RecordRentPaymentCommand(
    { leaseId: 'lease-1', period: '2018', amountFen: 200_000, paidOn: '2018-02-01', ...payload },
    metadataFor(actor),
  );

describe('record a rent payment', () => {
  it('records a full payment of a period with its basis, as the first payment of the lease', () => {
    spec
      .given([signed])
      .when(pay({ reference: 'PZ-001' }))
      .then([{ type: 'RentPaid', data: { ...paid(1, '2018', 200_000).data, reference: 'PZ-001' } }]);
  });

  it('numbers payments after every payment recorded, reversed ones included', () => {
    const reversed: LeaseEvent = {
      type: 'PaymentReversed',
      data: { paymentId: 'lease-1.p1', reversalId: 'lease-1.p1.r', reason: '重复录入' },
    };
    spec
      .given([signed, paid(1, '2018', 200_000), reversed])
      .when(pay())
      .then([paid(2, '2018', 200_000)]);
  });

  it('accepts part payments up to what is still due', () => {
    spec
      .given([signed, paid(1, '2018', 150_000)])
      .when(pay({ amountFen: 50_000 }))
      .then([paid(2, '2018', 50_000)]);
  });

  it('refuses more than what is still due (LEASE.OVERPAYMENT)', () => {
    spec
      .given([signed])
      .when(pay({ amountFen: 200_001 }))
      .thenRefused('LEASE.OVERPAYMENT', 'rule');
    spec
      .given([signed, paid(1, '2018', 150_000)])
      .when(pay({ amountFen: 50_001 }))
      .thenRefused('LEASE.OVERPAYMENT', 'rule');
  });

  it('refuses a period paid in full (LEASE.PERIOD_ALREADY_PAID), but not after the payment was reversed', () => {
    spec
      .given([signed, paid(1, '2018', 200_000)])
      .when(pay({ amountFen: 1 }))
      .thenRefused('LEASE.PERIOD_ALREADY_PAID', 'rule');
    spec
      .given([
        signed,
        paid(1, '2018', 200_000),
        { type: 'PaymentReversed', data: { paymentId: 'lease-1.p1', reversalId: 'lease-1.p1.r', reason: '金额有误' } },
      ])
      .when(pay({ amountFen: 200_000 }))
      .then([paid(2, '2018', 200_000)]);
  });

  it('refuses a period outside the schedule, or of another kind than the schedule', () => {
    spec
      .given([signed])
      .when(pay({ period: '2021' }))
      .thenRefused('LEASE.PERIOD_NOT_IN_SCHEDULE', 'rule');
    spec
      .given([signed])
      .when(pay({ period: '2018-H1' }))
      .thenRefused('LEASE.PERIOD_NOT_IN_SCHEDULE', 'rule');
  });

  it('after an early end, refuses the periods the end dropped and caps the shortened one', () => {
    const ended: LeaseEnded = {
      type: 'LeaseEnded',
      data: {
        leaseId: 'lease-1',
        endsOn: '2019-06-30',
        reason: '土地收回',
        dues: [
          { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
          { period: '2019', dueOn: '2019-01-01', share: '1/2', amountFen: 100_000 },
        ],
      },
    };
    spec
      .given([signed, ended])
      .when(pay({ period: '2020' }))
      .thenRefused('LEASE.PERIOD_NOT_IN_SCHEDULE', 'rule');
    spec
      .given([signed, ended])
      .when(pay({ period: '2019' }))
      .thenRefused('LEASE.OVERPAYMENT', 'rule');
    const [event] = spec
      .given([signed, ended])
      .when(pay({ period: '2019', amountFen: 100_000, paidOn: '2019-08-01' }))
      .thenEvents();
    expect(event.data).toMatchObject({ period: '2019', amountFen: 100_000, share: '1/2', dueFen: 100_000 });
  });

  it('refuses a payment dated before the lease starts', () => {
    spec
      .given([signed])
      .when(pay({ paidOn: '2017-12-31' }))
      .thenRefused('LEASE.PAID_BEFORE_START', 'rule');
  });

  it('answers 404 for a lease nobody signed', () => {
    spec.given([]).when(pay()).thenRefused('LEASE.NOT_FOUND', 'not_found');
  });

  it('lets an admin pay, refuses a clerk of another township and an auditor', () => {
    spec
      .given([signed])
      .when(pay({}, admin))
      .then([paid(1, '2018', 200_000)]);
    spec
      .given([signed])
      .when(pay({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([signed]).when(pay({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
