import { DomainError } from '../../common/domain-error';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { declarationId, declared, li, paid, reversed, wang, zhang } from '../dividend.fixtures';
import { dividend, dividendPayments, householdBalances, owedTo, type DividendState } from '../dividend.state';
import { PayDividendCommand } from './pay-dividend.command';
import { decidePayDividend } from './pay-dividend.decide';

const spec = specFor(dividend, decidePayDividend);
const pay = (householdId: string, amountFen: number, paidOn = '2018-07-15') => ({
  declarationId,
  householdId,
  amountFen,
  paidOn,
});

describe('pay a dividend', () => {
  it('records a payment up to the household’s allocation over all its stakes', () => {
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(zhang, 1_500_00), metadataFor(clerkOf('城关镇'))))
      .then([paid(1, zhang, 1_500_00)]);
  });

  it('numbers payments in the declaration and keeps the voucher reference', () => {
    spec
      .given([declared, paid(1, zhang, 100)])
      .when(new PayDividendCommand({ ...pay(zhang, 200), reference: '凭证-17' }, metadataFor(admin)))
      .then([{ type: 'DividendPaid', data: { ...paid(2, zhang, 200).data, reference: '凭证-17' } }]);
  });

  it('refuses more than is still owed, naming the amount', () => {
    const when = spec
      .given([declared, paid(1, zhang, 1_000_00)])
      .when(new PayDividendCommand(pay(zhang, 500_01), metadataFor(admin)));
    when.thenRefused('DIVIDEND.OVERPAYMENT', 'rule');
    expect(() => when.thenEvents()).toThrow(/still owed 500\.00 yuan/);
    try {
      when.thenEvents();
    } catch (error) {
      expect((error as DomainError).messageZh).toContain('还欠 500.00 元');
    }
    spec
      .given([declared, paid(1, zhang, 1_500_00)])
      .when(new PayDividendCommand(pay(zhang, 1), metadataFor(admin)))
      .thenRefused('DIVIDEND.OVERPAYMENT', 'rule');
  });

  it('does not count a reversed payment towards what was paid', () => {
    spec
      .given([declared, paid(1, zhang, 1_500_00), reversed(1)])
      .when(new PayDividendCommand(pay(zhang, 1_500_00), metadataFor(admin)))
      .then([paid(2, zhang, 1_500_00)]);
  });

  it('refuses a household not allocated on the declaration', () => {
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(wang, 100), metadataFor(admin)))
      .thenRefused('DIVIDEND.HOUSEHOLD_NOT_ALLOCATED', 'rule');
  });

  it('refuses a payment dated before the declaration, and accepts one on its day', () => {
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(zhang, 100, '2018-07-09'), metadataFor(admin)))
      .thenRefused('DIVIDEND.PAID_BEFORE_DECLARED', 'rule');
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(zhang, 100, '2018-07-10'), metadataFor(admin)))
      .then([{ type: 'DividendPaid', data: { ...paid(1, zhang, 100).data, paidOn: '2018-07-10' } }]);
  });

  it('answers 404 for an unknown declaration', () => {
    spec
      .given([])
      .when(new PayDividendCommand(pay(zhang, 100), metadataFor(admin)))
      .thenRefused('DIVIDEND.NOT_FOUND', 'not_found');
  });

  it('scopes clerks by the paid household’s township, and refuses auditors', () => {
    // 李 lives in 温泉镇 although the entity is in 城关镇.
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(li, 100), metadataFor(clerkOf('城关镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(li, 100), metadataFor(clerkOf('温泉镇'))))
      .then([paid(1, li, 100)]);
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(zhang, 100), metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
    spec
      .given([declared])
      .when(new PayDividendCommand(pay(wang, 100), metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });

  it('refuses a clerk of another township (403) before saying whether the household is allocated (no leak)', () => {
    // wang is not allocated on the declaration; a clerk of 温泉镇 must not learn that from a 422.
    const inWenquan = specFor(dividend, (command: PayDividendCommand, state: DividendState) =>
      decidePayDividend(command, state, '城关镇'),
    );
    inWenquan
      .given([declared])
      .when(new PayDividendCommand(pay(wang, 100), metadataFor(clerkOf('温泉镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    inWenquan
      .given([declared])
      .when(new PayDividendCommand(pay(wang, 100), metadataFor(clerkOf('城关镇'))))
      .thenRefused('DIVIDEND.HOUSEHOLD_NOT_ALLOCATED', 'rule');
  });

  it('folds allocations, payments and reversals into what each household is owed', () => {
    const state = [declared, paid(1, zhang, 600_00), paid(2, li, 1_500_00), paid(3, zhang, 100_00), reversed(3)].reduce(
      dividend.evolve,
      dividend.initialState,
    ) as Extract<DividendState, { status: 'declared' }>;
    expect(owedTo(state, zhang)).toBe(900_00);
    expect(householdBalances(state)).toEqual([
      { householdId: zhang, township: '城关镇', allocatedFen: 1_500_00, paidFen: 600_00, owedFen: 900_00 },
      { householdId: li, township: '温泉镇', allocatedFen: 1_500_00, paidFen: 1_500_00, owedFen: 0 },
    ]);
  });
});

describe('dividend payments for the reversal slice', () => {
  it('finds the payments, the entity’s township, and each payment’s household township', () => {
    const state = [declared, paid(1, li, 100), paid(2, zhang, 100)].reduce(dividend.evolve, dividend.initialState);
    expect(
      dividendPayments
        .payments(state)
        .list()
        .map((p) => p.paymentId),
    ).toEqual([`${declarationId}.p1`, `${declarationId}.p2`]);
    expect(dividendPayments.township(state)).toBe('城关镇');
    expect(dividendPayments.townshipOfPayment(state, `${declarationId}.p1`)).toBe('温泉镇');
    expect(dividendPayments.townshipOfPayment(state, `${declarationId}.p9`)).toBeUndefined();
    expect(dividendPayments.payments(dividend.initialState).count).toBe(0);
  });
});

describe('a public notice’s hold on the declaration’s payments', () => {
  const noticeId = 'notice-00000000-0000-5000-8000-0000000000a1';
  const hold = (unresolvedObjections: number, householdIds = [zhang]) => ({
    type: 'NoticeHoldChanged' as const,
    data: { noticeId, subjectId: declarationId, householdIds, closesOn: '2018-07-20', unresolvedObjections },
  });
  const on = (date: string) => metadataFor(admin, { issuedAt: `${date}T09:00:00+08:00` });

  it('refuses a listed household while the notice is up, naming the notice', () => {
    const when = spec.given([declared, hold(0)]).when(new PayDividendCommand(pay(zhang, 100), on('2018-07-20')));
    when.thenRefused('PAYMENT.NOTICE-HOLD', 'rule');
    try {
      when.thenEvents();
    } catch (error) {
      expect((error as DomainError).extensions).toEqual({ noticeId });
    }
  });

  it('keeps refusing after closesOn while an objection is unanswered, and pays once none is', () => {
    spec
      .given([declared, hold(0), hold(1)])
      .when(new PayDividendCommand(pay(zhang, 100), on('2018-07-21')))
      .thenRefused('PAYMENT.NOTICE-HOLD');
    spec
      .given([declared, hold(0), hold(1), hold(0)])
      .when(new PayDividendCommand(pay(zhang, 100), on('2018-07-21')))
      .then([paid(1, zhang, 100)]);
  });

  it('holds only the households on the notice (another village’s are paid)', () => {
    spec
      .given([declared, hold(1, [zhang])])
      .when(new PayDividendCommand(pay(li, 100), on('2018-07-10')))
      .then([paid(1, li, 100)]);
  });
});
