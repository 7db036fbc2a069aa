import { DomainError } from '../../common/domain-error';
import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { entity } from '../../entities/entity.state';
import { entityId, farmRegistered, li, projectId, stake, zhang } from '../stake.fixtures';
import { AcquireStakeCommand } from './acquire-stake.command';
import { decideAcquireStake, type AcquireStakeParties } from './acquire-stake.decide';

const parties: AcquireStakeParties = {
  household: { householdId: zhang, township: '城关镇' },
  project: { projectId, name: '肉牛养殖扶贫项目', disbursedToEntityFen: 10_000_00 },
};
const specWith = (p: AcquireStakeParties) =>
  specFor(entity, (c: AcquireStakeCommand, s) => decideAcquireStake(c, s, p));
const spec = specWith(parties);

const cash = {
  entityId,
  householdId: zhang,
  source: 'cash' as const,
  principalFen: 1_000_00,
  shares: 10,
  startsOn: '2017-12-01',
};
const fiscal = (principalFen: number) => ({ ...cash, source: 'fiscal_fund' as const, projectId, principalFen });

describe('acquire a stake', () => {
  it('records the stake as the entity’s next one, with the household’s township', () => {
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand(cash, metadataFor(clerkOf('城关镇'))))
      .then([stake(1)]);
    spec
      .given([farmRegistered, stake(1), stake(2)])
      .when(new AcquireStakeCommand({ ...cash, endsOn: '2020-11-30' }, metadataFor(admin)))
      .then([stake(3, { endsOn: '2020-11-30' })]);
  });

  it('records a guarantee with its schedule and guarantor, defaulting to yearly and the entity', () => {
    const promise = { guaranteedYearlyFen: 4_000_00, endsOn: '2020-11-30' };
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, ...promise }, metadataFor(admin)))
      .then([stake(1, { ...promise, guaranteeSchedule: 'yearly', guarantor: 'entity' })]);
    spec
      .given([farmRegistered])
      .when(
        new AcquireStakeCommand(
          { ...fiscal(4_000_00), ...promise, guaranteeSchedule: 'half_yearly', guarantor: 'project' },
          metadataFor(admin),
        ),
      )
      .then([
        stake(1, {
          source: 'fiscal_fund',
          projectId,
          principalFen: 4_000_00,
          ...promise,
          guaranteeSchedule: 'half_yearly',
          guarantor: 'project',
        }),
      ]);
  });

  it('refuses a guarantee without a term, and a project guarantor without a project', () => {
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, guaranteedYearlyFen: 4_000_00 }, metadataFor(admin)))
      .thenRefused('STAKE.GUARANTEE_NEEDS_TERM', 'rule');
    spec
      .given([farmRegistered])
      .when(
        new AcquireStakeCommand(
          { ...cash, guaranteedYearlyFen: 4_000_00, endsOn: '2020-11-30', guarantor: 'project' },
          metadataFor(admin),
        ),
      )
      .thenRefused('STAKE.GUARANTOR_NEEDS_PROJECT', 'rule');
  });

  it('refuses an unknown entity or household', () => {
    spec
      .given([])
      .when(new AcquireStakeCommand(cash, metadataFor(admin)))
      .thenRefused('STAKE.UNKNOWN_ENTITY', 'rule');
    specWith({ ...parties, household: undefined })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(cash, metadataFor(admin)))
      .thenRefused('STAKE.UNKNOWN_HOUSEHOLD', 'rule');
  });

  it('scopes clerks by the household’s township, and refuses auditors', () => {
    specWith({ ...parties, household: { householdId: li, township: '温泉镇' } })
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, householdId: li }, metadataFor(clerkOf('城关镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand(cash, metadataFor(auditor)))
      .thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });

  it('refuses a term that ends before it starts, and accepts one that ends the day it starts', () => {
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, endsOn: '2017-11-30' }, metadataFor(admin)))
      .thenRefused('STAKE.ENDS_BEFORE_START', 'rule');
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, endsOn: '2017-12-01' }, metadataFor(admin)))
      .then([stake(1, { endsOn: '2017-12-01' })]);
  });

  it('needs a known project for a fiscal-fund stake, and no project for other sources', () => {
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...fiscal(100), projectId: undefined }, metadataFor(admin)))
      .thenRefused('STAKE.PROJECT_REQUIRED', 'rule');
    specWith({ ...parties, project: undefined })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(fiscal(100), metadataFor(admin)))
      .thenRefused('STAKE.UNKNOWN_PROJECT', 'rule');
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, projectId }, metadataFor(admin)))
      .thenRefused('STAKE.PROJECT_ONLY_FOR_FISCAL_FUND', 'rule');
  });

  it('lets fiscal-fund stakes use up exactly what the project disbursed to the entity', () => {
    spec
      .given([farmRegistered, stake(1, { source: 'fiscal_fund', projectId, principalFen: 6_000_00 })])
      .when(new AcquireStakeCommand(fiscal(4_000_00), metadataFor(admin)))
      .then([stake(2, { source: 'fiscal_fund', projectId, principalFen: 4_000_00 })]);
  });

  it('refuses a fiscal-fund principal beyond the disbursement, naming the amounts', () => {
    const when = spec
      .given([
        farmRegistered,
        stake(1, { source: 'fiscal_fund', projectId, principalFen: 6_000_00 }),
        // Stakes of other sources or other projects do not count against this project's money.
        stake(2, { source: 'cash', principalFen: 50_000_00 }),
        stake(3, {
          source: 'fiscal_fund',
          projectId: 'project-00000000-0000-5000-8000-0000000000aa',
          principalFen: 50_000_00,
        }),
      ])
      .when(new AcquireStakeCommand(fiscal(4_000_01), metadataFor(admin)));
    when.thenRefused('STAKE.EXCEEDS_DISBURSEMENT', 'rule');
    expect(() => when.thenEvents()).toThrow(DomainError);
    try {
      when.thenEvents();
    } catch (error) {
      expect((error as DomainError).message).toMatch(/10,000\.00.*6,000\.00.*4,000\.00.*4,000\.01/);
      expect((error as DomainError).messageZh).toContain('最多还可折股 4,000.00 元');
    }
  });

  it('counts ended fiscal stakes too: their principal was spent', () => {
    spec
      .given([
        farmRegistered,
        stake(1, { source: 'fiscal_fund', projectId, principalFen: 10_000_00 }),
        { type: 'StakeEnded', data: { stakeId: `${entityId}.s1`, entityId, endsOn: '2018-06-30', reason: '赎回' } },
      ])
      .when(new AcquireStakeCommand(fiscal(1), metadataFor(admin)))
      .thenRefused('STAKE.EXCEEDS_DISBURSEMENT', 'rule');
  });

  it('refuses any fiscal-fund stake when the project disbursed nothing to this entity', () => {
    specWith({ ...parties, project: { projectId, name: '肉牛养殖扶贫项目', disbursedToEntityFen: 0 } })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(fiscal(1), metadataFor(admin)))
      .thenRefused('STAKE.EXCEEDS_DISBURSEMENT', 'rule');
  });
});

describe('acquire a stake bought with a household loan (户贷企用)', () => {
  const loanId = 'loan-0f8fad5b-d9cb-569f-a165-70867728950e';
  const loanParty = {
    loanId,
    householdId: zhang,
    use: 'invested_in_entity' as const,
    entityId,
    principalFen: 5_000_000,
  };
  const withLoan = specWith({ ...parties, loan: loanParty });
  const loanStake = (principalFen: number) => ({
    ...cash,
    source: 'household_loan' as const,
    loanId,
    principalFen,
  });

  it('records the loan on the stake; several stakes may name one loan up to its principal', () => {
    withLoan
      .given([farmRegistered])
      .when(new AcquireStakeCommand(loanStake(3_000_000), metadataFor(admin)))
      .then([stake(1, { source: 'household_loan', loanId, principalFen: 3_000_000 })]);
    withLoan
      .given([farmRegistered, stake(1, { source: 'household_loan', loanId, principalFen: 3_000_000 })])
      .when(new AcquireStakeCommand(loanStake(2_000_000), metadataFor(admin)))
      .then([stake(2, { source: 'household_loan', loanId, principalFen: 2_000_000 })]);
    withLoan
      .given([farmRegistered, stake(1, { source: 'household_loan', loanId, principalFen: 3_000_000 })])
      .when(new AcquireStakeCommand(loanStake(2_000_001), metadataFor(admin)))
      .thenRefused('STAKE.EXCEEDS_LOAN', 'rule');
  });

  it('still accepts a household_loan stake that names no loan, as before loans were recorded', () => {
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand({ ...cash, source: 'household_loan' }, metadataFor(admin)))
      .then([stake(1, { source: 'household_loan' })]);
  });

  it('refuses an unknown loan, another household’s, one for own production or invested elsewhere', () => {
    spec
      .given([farmRegistered])
      .when(new AcquireStakeCommand(loanStake(100), metadataFor(admin)))
      .thenRefused('STAKE.UNKNOWN_LOAN', 'rule');
    specWith({ ...parties, loan: { ...loanParty, householdId: li } })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(loanStake(100), metadataFor(admin)))
      .thenRefused('STAKE.LOAN_OF_ANOTHER_HOUSEHOLD', 'rule');
    specWith({ ...parties, loan: { ...loanParty, use: 'own_production', entityId: undefined } })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(loanStake(100), metadataFor(admin)))
      .thenRefused('STAKE.LOAN_NOT_INVESTED_HERE', 'rule');
    specWith({ ...parties, loan: { ...loanParty, entityId: 'entity-other' } })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(loanStake(100), metadataFor(admin)))
      .thenRefused('STAKE.LOAN_NOT_INVESTED_HERE', 'rule');
  });
});

describe('acquire a stake for a village collective', () => {
  const collectiveId = 'entity-00000000-0000-5000-8000-00000000c011';
  const collective = {
    collectiveId,
    kind: 'village_collective' as const,
    name: '石头村股份经济合作社',
    township: '石头镇',
  };
  const { householdId: _h, ...forCollective } = { ...cash, collectiveId };

  it('records the collective in the household’s place, with the collective’s township', () => {
    specWith({ household: undefined, project: undefined, collective })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(forCollective, metadataFor(clerkOf('石头镇'))))
      .then([
        {
          type: 'StakeAcquired',
          data: {
            stakeId: `${entityId}.s1`,
            entityId,
            collectiveId,
            township: '石头镇',
            source: 'cash',
            principalFen: 1_000_00,
            shares: 10,
            startsOn: '2017-12-01',
          },
        },
      ]);
  });

  it('refuses an entity that is no collective, a guarantee, and a clerk of another township', () => {
    specWith({ household: undefined, project: undefined, collective: { ...collective, kind: 'company' } })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(forCollective, metadataFor(admin)))
      .thenRefused('STAKE.NOT_A_COLLECTIVE', 'rule');
    specWith({ household: undefined, project: undefined })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(forCollective, metadataFor(admin)))
      .thenRefused('STAKE.NOT_A_COLLECTIVE', 'rule');
    specWith({ household: undefined, project: undefined, collective })
      .given([farmRegistered])
      .when(
        new AcquireStakeCommand(
          { ...forCollective, guaranteedYearlyFen: 4_000_00, endsOn: '2020-11-30' },
          metadataFor(admin),
        ),
      )
      .thenRefused('STAKE.COLLECTIVE_NOT_GUARANTEED', 'rule');
    specWith({ household: undefined, project: undefined, collective })
      .given([farmRegistered])
      .when(new AcquireStakeCommand(forCollective, metadataFor(clerkOf('城关镇'))))
      .thenRefused('AUTH.OTHER_TOWNSHIP');
  });
});
