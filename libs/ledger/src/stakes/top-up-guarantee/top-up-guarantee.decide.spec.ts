import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { entity, type EntityEvent } from '../../entities/entity.state';
import type { DeclaredOnStake } from '../../primitives/guarantee';
import { entityId, farmRegistered, projectId, stake, zhang } from '../stake.fixtures';
import type { GuaranteeToppedUp } from '../stake.events';
import { TopUpGuaranteeCommand } from './top-up-guarantee.command';
import { decideTopUpGuarantee } from './top-up-guarantee.decide';

const stakeId = `${entityId}.s1`;
/** The cattle farm's promise: 4,000 a year for three years, 2,000 per half-year, covered by the project. */
const promised = stake(1, {
  source: 'fiscal_fund',
  projectId,
  guaranteedYearlyFen: 4_000_00,
  guaranteeSchedule: 'half_yearly',
  guarantor: 'project',
  startsOn: '2018-01-01',
  endsOn: '2020-12-31',
});
/** What was declared on the stake: every half-year but 2019-H1. */
const declared: DeclaredOnStake[] = ['2018-H1', '2018-H2', '2019-H2', '2020-H1', '2020-H2'].map((period) => ({
  period,
  amountFen: 2_000_00,
}));

const specWith = (d: readonly DeclaredOnStake[]) =>
  specFor(entity, (c: TopUpGuaranteeCommand, s) => decideTopUpGuarantee(c, s, d));
const spec = specWith(declared);

const topUp = (payload: Partial<TopUpGuaranteeCommand['payload']> = {}, actor = clerkOf('城关镇')) =>
  new TopUpGuaranteeCommand(
    { stakeId, period: '2019-H1', amountFen: 2_000_00, paidOn: '2019-08-01', payer: 'project', ...payload },
    metadataFor(actor),
  );

const toppedUp = (n: number, amountFen: number, extra: Partial<GuaranteeToppedUp['data']> = {}): EntityEvent => ({
  type: 'GuaranteeToppedUp',
  data: {
    stakeId,
    entityId,
    entityName: '石头村养牛合作社',
    paymentId: `${stakeId}.p${n}`,
    householdId: zhang,
    township: '城关镇',
    period: '2019-H1',
    amountFen,
    paidOn: '2019-08-01',
    payer: 'project',
    projectId,
    guaranteedFen: 2_000_00,
    declaredFen: 0,
    shortfallFen: 2_000_00,
    ...extra,
  },
});

describe('top up a guaranteed dividend', () => {
  it('pays the unpaid half-year’s shortfall from the project, with its figures', () => {
    spec
      .given([farmRegistered, promised])
      .when(topUp({ reference: 'PZ-2019-0031' }))
      .then([toppedUp(1, 2_000_00, { reference: 'PZ-2019-0031' })]);
  });

  it('accepts part payments up to what is still short, numbering top-ups per stake', () => {
    spec
      .given([farmRegistered, promised, toppedUp(1, 1_500_00)])
      .when(topUp({ amountFen: 500_00 }))
      .then([toppedUp(2, 500_00)]);
    spec
      .given([farmRegistered, promised, toppedUp(1, 1_500_00)])
      .when(topUp({ amountFen: 500_01 }))
      .thenRefused('GUARANTEE.OVERPAYMENT', 'rule');
  });

  it('sets a partial declaration against the guarantee, and refuses a period with no shortfall', () => {
    specWith([...declared, { period: '2019-Q1', amountFen: 800_00 }])
      .given([farmRegistered, promised])
      .when(topUp({ amountFen: 1_200_00 }))
      .then([toppedUp(1, 1_200_00, { declaredFen: 800_00, shortfallFen: 1_200_00 })]);
    spec
      .given([farmRegistered, promised])
      .when(topUp({ period: '2018-H1', amountFen: 1 }))
      .thenRefused('GUARANTEE.OVERPAYMENT', 'rule');
  });

  it('refuses a period that is not a guarantee period of the stake', () => {
    spec
      .given([farmRegistered, promised])
      .when(topUp({ period: '2021-H1' }))
      .thenRefused('GUARANTEE.PERIOD_NOT_IN_SCHEDULE', 'rule');
    spec
      .given([farmRegistered, promised])
      .when(topUp({ period: '2019' }))
      .thenRefused('GUARANTEE.PERIOD_NOT_IN_SCHEDULE', 'rule');
  });

  it('refuses a payer other than the guarantor, and a stake without a guarantee', () => {
    spec
      .given([farmRegistered, promised])
      .when(topUp({ payer: 'entity' }))
      .thenRefused('GUARANTEE.WRONG_PAYER', 'rule');
    spec
      .given([farmRegistered, stake(1)])
      .when(topUp())
      .thenRefused('GUARANTEE.NONE', 'rule');
  });

  it('refuses a top-up dated before the stake started', () => {
    spec
      .given([farmRegistered, promised])
      .when(topUp({ paidOn: '2017-12-31' }))
      .thenRefused('GUARANTEE.PAID_BEFORE_START', 'rule');
  });

  it('answers 404 for an unknown stake; lets an admin top up, refuses another township’s clerk and an auditor', () => {
    spec.given([farmRegistered]).when(topUp()).thenRefused('STAKE.NOT_FOUND', 'not_found');
    spec
      .given([farmRegistered, promised])
      .when(topUp({}, admin))
      .then([toppedUp(1, 2_000_00)]);
    spec
      .given([farmRegistered, promised])
      .when(topUp({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([farmRegistered, promised]).when(topUp({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
