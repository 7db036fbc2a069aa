import { auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import type { DomainError } from '../../common/domain-error';
import { specFor } from '../../common/testing/given-when-then';
import type { DistributionDeclared, DistributionEvent, DistributionStreamEvent } from '../collective.events';
import { distribution } from '../distribution.state';
import { PayDistributionCommand } from './pay-distribution.command';
import { decidePayDistribution } from './pay-distribution.decide';

const distributionId = 'distribution-00000000-0000-5000-8000-0000000000d1';
const collectiveId = 'entity-00000000-0000-5000-8000-00000000c011';
const zhang = 'household-00000000-0000-5000-8000-000000000001';
const li = 'household-00000000-0000-5000-8000-000000000002';
const declared: DistributionDeclared = {
  type: 'DistributionDeclared',
  data: {
    distributionId,
    collectiveId,
    collectiveName: '石头村股份经济合作社',
    township: '石头镇',
    period: '2018',
    declaredOn: '2018-12-28',
    poolFen: 300_00,
    basis: 'per_household',
    totalWeight: 2,
    incomeSources: [],
    distributedBeforeFen: 0,
    ordinal: 1,
    allocations: [
      { householdId: zhang, township: '石头镇', weight: 1, amountFen: 150_00 },
      { householdId: li, township: '石头镇', weight: 1, amountFen: 150_00 },
    ],
  },
};
const paid = (n: number, amountFen: number): DistributionEvent => ({
  type: 'DistributionPaid',
  data: {
    distributionId,
    paymentId: `${distributionId}.p${n}`,
    collectiveId,
    collectiveName: '石头村股份经济合作社',
    householdId: zhang,
    township: '石头镇',
    period: '2018',
    amountFen,
    paidOn: '2019-01-05',
    basis: 'per_household',
    weight: 1,
    totalWeight: 2,
    poolFen: 300_00,
    incomeSources: [],
  },
});
const spec = specFor(distribution, decidePayDistribution);
const pay = (overrides: Partial<PayDistributionCommand['payload']> = {}, actor = clerkOf('石头镇')) =>
  new PayDistributionCommand(
    { distributionId, householdId: zhang, amountFen: 100_00, paidOn: '2019-01-05', ...overrides },
    metadataFor(actor),
  );

describe('pay a household its share of a distribution', () => {
  it('records the payment as the distribution’s next, with its voucher', () => {
    spec
      .given([declared, paid(1, 50_00)])
      .when(pay({ reference: '二次分配-002' }))
      .then([
        {
          type: 'DistributionPaid',
          data: { ...paid(2, 100_00).data, reference: '二次分配-002' } as DistributionEvent['data'],
        } as DistributionEvent,
      ]);
  });

  it('refuses more than is still owed, and counts a reversed payment as owed again', () => {
    spec
      .given([declared, paid(1, 100_00)])
      .when(pay({ amountFen: 50_01 }))
      .thenRefused('DISTRIBUTION.OVERPAYMENT');
    const reversed: DistributionEvent = {
      type: 'PaymentReversed',
      data: { paymentId: `${distributionId}.p1`, reversalId: `${distributionId}.p1.r`, reason: '错发' },
    };
    spec
      .given([declared, paid(1, 100_00), reversed])
      .when(pay({ amountFen: 150_00 }))
      .thenEvents();
  });

  it('refuses a household not listed, a payment before the declaration, an unknown distribution', () => {
    spec
      .given([declared])
      .when(pay({ householdId: 'household-00000000-0000-5000-8000-000000000009' }))
      .thenRefused('DISTRIBUTION.HOUSEHOLD_NOT_ALLOCATED');
    spec
      .given([declared])
      .when(pay({ paidOn: '2018-12-27' }))
      .thenRefused('DISTRIBUTION.PAID_BEFORE_DECLARED');
    spec.given([]).when(pay()).thenRefused('DISTRIBUTION.NOT_FOUND', 'not_found');
  });

  it('lets only a clerk of the township or an admin pay', () => {
    spec.given([declared]).when(pay({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE');
    spec
      .given([declared])
      .when(pay({}, clerkOf('城关镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
  });
});

describe('a public notice’s hold on the distribution’s payments', () => {
  const noticeId = 'notice-00000000-0000-5000-8000-0000000000d2';
  const hold = (unresolvedObjections: number, householdIds = [zhang]): DistributionStreamEvent => ({
    type: 'NoticeHoldChanged',
    data: { noticeId, subjectId: distributionId, householdIds, closesOn: '2019-01-10', unresolvedObjections },
  });
  const on = (date: string, overrides: Partial<PayDistributionCommand['payload']> = {}) =>
    new PayDistributionCommand(
      { distributionId, householdId: zhang, amountFen: 100_00, paidOn: '2019-01-05', ...overrides },
      metadataFor(clerkOf('石头镇'), { issuedAt: `${date}T09:00:00+08:00` }),
    );

  it('folds the latest hold per notice into the distribution’s state', () => {
    const state = [declared, hold(0), hold(2)].reduce(distribution.evolve, distribution.initialState);
    expect(state.status === 'declared' && state.noticeHolds[noticeId].unresolvedObjections).toBe(2);
  });

  it('refuses a listed household while the notice is up, naming the notice', () => {
    const when = spec.given([declared, hold(0)]).when(on('2019-01-10'));
    when.thenRefused('PAYMENT.NOTICE-HOLD', 'rule');
    expect(() => when.thenEvents()).toThrow(expect.objectContaining({ extensions: { noticeId } }) as DomainError);
  });

  it('keeps refusing after closesOn while an objection is unanswered, and pays once none is', () => {
    spec
      .given([declared, hold(0), hold(1)])
      .when(on('2019-01-11'))
      .thenRefused('PAYMENT.NOTICE-HOLD');
    spec
      .given([declared, hold(0), hold(1), hold(0)])
      .when(on('2019-01-11'))
      .then([paid(1, 100_00)]);
  });

  it('holds only the households on the notice (another village’s are paid)', () => {
    const paidLi = { ...paid(1, 100_00), data: { ...paid(1, 100_00).data, householdId: li } } as DistributionEvent;
    spec
      .given([declared, hold(1, [zhang])])
      .when(on('2019-01-05', { householdId: li }))
      .then([paidLi]);
  });
});
