import { clerkOf, metadataFor } from '../common/testing/actors';
import { specFor } from '../common/testing/given-when-then';
import { entity, type EntityEvent } from '../entities/entity.state';
import { parsePaymentId } from '../payments/payment';
import { visitPaymentLinkage } from '../payment-linkages';
import { decideReturnPayment } from '../payments/return-payment/return-payment.decide';
import { ReturnPaymentCommand } from '../payments/return-payment/return-payment.command';
import { ReversePaymentCommand } from '../payments/reverse-payment/reverse-payment.command';
import { decideReversePayment } from '../payments/reverse-payment/reverse-payment.decide';
import { decideTopUpGuarantee } from './top-up-guarantee/top-up-guarantee.decide';
import { TopUpGuaranteeCommand } from './top-up-guarantee/top-up-guarantee.command';
import { entityId, farmRegistered, projectId, stake, zhang } from './stake.fixtures';
import { stakeTopUps } from './stake-topups';

const stakeId = `${entityId}.s1`;
const paymentId = `${stakeId}.p1`;
const linkage = stakeTopUps(stakeId);
const promised = stake(1, {
  source: 'fiscal_fund',
  projectId,
  guaranteedYearlyFen: 4_000_00,
  guaranteeSchedule: 'half_yearly',
  guarantor: 'project',
  startsOn: '2018-01-01',
  endsOn: '2020-12-31',
});
const toppedUp: EntityEvent = {
  type: 'GuaranteeToppedUp',
  data: {
    stakeId,
    entityId,
    entityName: '石头村养牛合作社',
    paymentId,
    householdId: zhang,
    township: '城关镇',
    period: '2019-H1',
    amountFen: 2_000_00,
    paidOn: '2019-08-01',
    payer: 'project',
    projectId,
    guaranteedFen: 2_000_00,
    declaredFen: 0,
    shortfallFen: 2_000_00,
  },
};
const reversed: EntityEvent = {
  type: 'PaymentReversed',
  data: { paymentId, reversalId: `${paymentId}.r`, reason: '补足金额录错' },
};

describe('a guarantee top-up is a payment like the others: reversed, returned, found from its id', () => {
  it('parses a top-up’s payment id to its stake, kept in the entity’s stream', () => {
    expect(parsePaymentId(paymentId)).toEqual({ linkageId: stakeId, isReversal: false });
    expect(parsePaymentId(`${paymentId}.r`)).toEqual({ linkageId: stakeId, isReversal: true });
    expect(parsePaymentId(`${entityId}.p1`)).toBeUndefined();
    expect(visitPaymentLinkage(stakeId, (l) => l.stream)).toBe(entityId);
  });

  it('reverses a top-up once, by a clerk of the household’s township', () => {
    const spec = specFor(entity, (c: ReversePaymentCommand, s) => decideReversePayment(c, s, linkage));
    const reverse = (actor = clerkOf('城关镇')) =>
      new ReversePaymentCommand({ paymentId, reason: '补足金额录错' }, metadataFor(actor));
    spec.given([farmRegistered, promised, toppedUp]).when(reverse()).then([reversed]);
    spec.given([farmRegistered, promised, toppedUp, reversed]).when(reverse()).thenRefused('PAYMENT.ALREADY_REVERSED');
    spec
      .given([farmRegistered, promised, toppedUp])
      .when(reverse(clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
  });

  it('once reversed, the period is short again and can be topped up anew as the stake’s next payment', () => {
    const spec = specFor(entity, (c: TopUpGuaranteeCommand, s) => decideTopUpGuarantee(c, s, []));
    const topUp = new TopUpGuaranteeCommand(
      { stakeId, period: '2019-H1', amountFen: 2_000_00, paidOn: '2019-09-01', payer: 'project' },
      metadataFor(clerkOf('城关镇')),
    );
    spec.given([farmRegistered, promised, toppedUp]).when(topUp).thenRefused('GUARANTEE.OVERPAYMENT');
    const [again] = spec.given([farmRegistered, promised, toppedUp, reversed]).when(topUp).thenEvents();
    expect(again.data).toEqual(expect.objectContaining({ paymentId: `${stakeId}.p2`, amountFen: 2_000_00 }));
  });

  it('lets the bank return a top-up, which then counts no more', () => {
    const spec = specFor(entity, (c: ReturnPaymentCommand, s) => decideReturnPayment(c, s, linkage));
    const events = spec
      .given([farmRegistered, promised, toppedUp])
      .when(
        new ReturnPaymentCommand(
          { paymentId, returnedOn: '2019-08-05', reason: 'account_closed' },
          metadataFor(clerkOf('城关镇')),
        ),
      )
      .thenEvents();
    const state = [farmRegistered, promised, toppedUp, ...events].reduce(entity.evolve, entity.initialState);
    expect(state.status === 'registered' && state.topups[stakeId].paidFen()).toBe(0);
  });
});
