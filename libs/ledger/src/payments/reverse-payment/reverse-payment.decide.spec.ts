import type { DomainEvent } from '../../common/decider';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import {
  declarationId,
  declared,
  li,
  paid as dividendPaid,
  reversed as dividendReversed,
} from '../../dividends/dividend.fixtures';
import { dividendPayments } from '../../dividends/dividend.state';
import { EMPLOYMENT_ID, reversed as wageReversed, started, wagePaid } from '../../employment/employment.fixtures';
import { employmentPayments, type EmploymentState } from '../../employment/employment.state';
import type { LeaseEvent } from '../../leases/lease.events';
import { leasePayments } from '../../leases/lease.state';
import { ORDER_ID, contracted, purchasePaid } from '../../orders/order.fixtures';
import { orderPayments } from '../../orders/order.state';
import { ReversePaymentCommand } from './reverse-payment.command';
import { decideReversePayment, oneHousehold, type Reversible } from './reverse-payment.decide';

const specOf = <State, Event extends DomainEvent>(linkage: Reversible<State, Event>) =>
  specFor(linkage.evolver, (command: ReversePaymentCommand, state: State) =>
    decideReversePayment(command, state, linkage),
  );

const reverse = (paymentId: string, actor = clerkOf('城关镇'), reason = '重复录入'): ReversePaymentCommand =>
  new ReversePaymentCommand({ paymentId, reason }, metadataFor(actor));

const reversal = (paymentId: string, reason = '重复录入') => ({
  type: 'PaymentReversed' as const,
  data: { paymentId, reversalId: `${paymentId}.r`, reason },
});

const LEASE_ID = 'lease-00000000-0000-5000-8000-000000000001';
const signed: LeaseEvent = {
  type: 'LeaseSigned',
  data: {
    leaseId: LEASE_ID,
    entityId: 'entity-1',
    entityName: '桃园合作社',
    householdId: 'household-1',
    township: '城关镇',
    areaMu: '2.50',
    rentPerMuYearFen: 80_000,
    startsOn: '2018-01-01',
    endsOn: '2019-12-31',
    schedule: 'yearly',
    dues: [
      { period: '2018', dueOn: '2018-01-01', share: '1', amountFen: 200_000 },
      { period: '2019', dueOn: '2019-01-01', share: '1', amountFen: 200_000 },
    ],
  },
};
const rentPaid = (n: number): LeaseEvent => ({
  type: 'RentPaid',
  data: {
    leaseId: LEASE_ID,
    paymentId: `${LEASE_ID}.p${n}`,
    entityId: 'entity-1',
    householdId: 'household-1',
    period: '2018',
    amountFen: 200_000,
    paidOn: '2018-02-01',
    share: '1',
    dueFen: 200_000,
  },
});

describe('reverse a payment', () => {
  const lease = specOf(oneHousehold(leasePayments));
  const wages = specOf(oneHousehold(employmentPayments));
  const orders = specOf(oneHousehold(orderPayments));
  const dividends = specOf(dividendPayments);

  it('marks a payment of any linkage reversed, with its reason, under the id <paymentId>.r', () => {
    lease
      .given([signed, rentPaid(1)])
      .when(reverse(`${LEASE_ID}.p1`, clerkOf('城关镇'), '金额有误'))
      .then([reversal(`${LEASE_ID}.p1`, '金额有误')]);
    wages
      .given([started, wagePaid(1, '2018-04'), wagePaid(2, '2018-05')])
      .when(reverse(`${EMPLOYMENT_ID}.p2`))
      .then([reversal(`${EMPLOYMENT_ID}.p2`)]);
    orders
      .given([contracted, purchasePaid(1, '100', 38_000)])
      .when(reverse(`${ORDER_ID}.p1`, admin))
      .then([reversal(`${ORDER_ID}.p1`)]);
    dividends
      .given([declared, dividendPaid(1, li, 1_500_00)])
      .when(reverse(`${declarationId}.p1`, clerkOf('温泉镇')))
      .then([reversal(`${declarationId}.p1`)]);
  });

  it('leaves what was paid owed again once reversed', () => {
    const state = [started, wagePaid(1, '2018-04'), wageReversed(1)].reduce<EmploymentState>(
      (s, e) => employmentPayments.evolver.evolve(s, e),
      employmentPayments.evolver.initialState,
    );
    expect(employmentPayments.payments(state).get(`${EMPLOYMENT_ID}.p1`)?.reversal).toEqual({
      reversalId: `${EMPLOYMENT_ID}.p1.r`,
      reason: '重复录入',
    });
  });

  it('reverses a payment at most once (PAYMENT.ALREADY_REVERSED)', () => {
    lease
      .given([signed, rentPaid(1), reversal(`${LEASE_ID}.p1`)])
      .when(reverse(`${LEASE_ID}.p1`))
      .thenRefused('PAYMENT.ALREADY_REVERSED', 'rule');
    dividends
      .given([declared, dividendPaid(1, li, 1_500_00), dividendReversed(1)])
      .when(reverse(`${declarationId}.p1`, admin))
      .thenRefused('PAYMENT.ALREADY_REVERSED', 'rule');
  });

  it('refuses to reverse a reversal (PAYMENT.REVERSAL_NOT_REVERSIBLE)', () => {
    lease
      .given([signed, rentPaid(1), reversal(`${LEASE_ID}.p1`)])
      .when(reverse(`${LEASE_ID}.p1.r`))
      .thenRefused('PAYMENT.REVERSAL_NOT_REVERSIBLE', 'rule');
  });

  it('answers 404 for a payment or reversal not in the stream, a malformed id, or an empty stream', () => {
    lease
      .given([signed, rentPaid(1)])
      .when(reverse(`${LEASE_ID}.p2`))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
    lease
      .given([signed, rentPaid(1)])
      .when(reverse(`${LEASE_ID}.p1.r`))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
    lease
      .given([])
      .when(reverse(`${LEASE_ID}.p1`))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
    lease
      .given([signed, rentPaid(1)])
      .when(reverse(`${LEASE_ID}.p0`))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
    lease
      .given([signed, rentPaid(1)])
      .when(reverse('lease-1.p1'))
      .thenRefused('PAYMENT.NOT_FOUND', 'not_found');
  });

  it("lets admins and clerks of the paid household's township reverse; refuses other clerks and auditors", () => {
    lease
      .given([signed, rentPaid(1)])
      .when(reverse(`${LEASE_ID}.p1`, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    lease
      .given([signed, rentPaid(1)])
      .when(reverse(`${LEASE_ID}.p1`, auditor))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
    // 李 lives in 温泉镇 though the entity is in 城关镇: the payment is 温泉镇's to reverse.
    dividends
      .given([declared, dividendPaid(1, li, 1_500_00)])
      .when(reverse(`${declarationId}.p1`, clerkOf('城关镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    // Someone not allowed learns nothing more about a reversal than about the payment.
    lease
      .given([signed, rentPaid(1), reversal(`${LEASE_ID}.p1`)])
      .when(reverse(`${LEASE_ID}.p1.r`, auditor))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
