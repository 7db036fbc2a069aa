import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { disbursed, LOAN_ID } from '../loan.fixtures';
import { loan, type LoanState } from '../loan.state';
import { RecordLoanCommand } from './record-loan.command';
import { decideRecordLoan, type RecordLoanParties } from './record-loan.decide';

const parties: RecordLoanParties = {
  household: { householdId: 'household-1', township: '城关镇', county: '英山县' },
  entity: { entityId: 'entity-1', name: '桃园合作社' },
  project: { projectId: 'project-1' },
};

const specWith = (p: RecordLoanParties) =>
  specFor(loan, (command: RecordLoanCommand, state: LoanState) => decideRecordLoan(command, state, p));
const spec = specWith(parties);

const record = (payload: Partial<RecordLoanCommand['payload']> = {}, actor = clerkOf('城关镇')): RecordLoanCommand =>
  new RecordLoanCommand(
    {
      loanId: LOAN_ID,
      householdId: 'household-1',
      lender: '英山县农商银行',
      contractNo: 'YS-2018-001',
      principalFen: 5_000_000,
      annualRateBp: 435,
      disbursedOn: '2018-03-01',
      maturesOn: '2021-03-01',
      use: 'invested_in_entity',
      entityId: 'entity-1',
      subsidy: { rateBp: 435, payer: 'county' },
      ...payload,
    },
    metadataFor(actor),
  );

describe('record a loan', () => {
  it('records a 户贷企用 loan at the limits (50,000 yuan, three years to the day) with the entity’s name', () => {
    spec.given([]).when(record()).then([disbursed()]);
  });

  it('records a loan for own production, without entity or subsidy', () => {
    const [event] = spec
      .given([])
      .when(record({ use: 'own_production', entityId: undefined, subsidy: undefined, contractNo: undefined }))
      .thenEvents();
    expect(event.data).not.toHaveProperty('entityId');
    expect(event.data).not.toHaveProperty('subsidy');
    expect(event.data).not.toHaveProperty('contractNo');
    expect(event.data).toMatchObject({ use: 'own_production', township: '城关镇', county: '英山县' });
  });

  it('refuses a principal above 50,000 yuan', () => {
    spec
      .given([])
      .when(record({ principalFen: 5_000_001 }))
      .thenRefused('LOAN.PRINCIPAL_ABOVE_LIMIT', 'rule');
  });

  it('refuses a term longer than three years, or one that does not run after disbursement', () => {
    spec
      .given([])
      .when(record({ maturesOn: '2021-03-02' }))
      .thenRefused('LOAN.TERM_ABOVE_LIMIT', 'rule');
    spec
      .given([])
      .when(record({ maturesOn: '2018-03-01' }))
      .thenRefused('LOAN.TERM_ABOVE_LIMIT', 'rule');
  });

  it('on 29 February the longest term ends on 28 February three years later', () => {
    spec
      .given([])
      .when(record({ disbursedOn: '2016-02-29', maturesOn: '2019-03-01' }))
      .thenRefused('LOAN.TERM_ABOVE_LIMIT', 'rule');
    expect(
      spec
        .given([])
        .when(record({ disbursedOn: '2016-02-29', maturesOn: '2019-02-28' }))
        .thenEvents(),
    ).toHaveLength(1);
  });

  it('refuses a subsidy rate above the loan’s rate, accepts it equal', () => {
    spec
      .given([])
      .when(record({ subsidy: { rateBp: 436, payer: 'county' } }))
      .thenRefused('LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE', 'rule');
  });

  it('keeps the project of a subsidy paid by a project, refuses an unknown one', () => {
    const [event] = spec
      .given([])
      .when(record({ subsidy: { rateBp: 300, payer: 'project', projectId: 'project-1' } }))
      .thenEvents();
    expect(event.data).toMatchObject({ subsidy: { rateBp: 300, payer: 'project', projectId: 'project-1' } });
    specWith({ ...parties, project: undefined })
      .given([])
      .when(record({ subsidy: { rateBp: 300, payer: 'project', projectId: 'project-2' } }))
      .thenRefused('LOAN.UNKNOWN_PROJECT', 'rule');
  });

  it('refuses an unknown household, or an unknown entity for a 户贷企用 loan', () => {
    specWith({ ...parties, household: undefined })
      .given([])
      .when(record())
      .thenRefused('LOAN.UNKNOWN_HOUSEHOLD', 'rule');
    specWith({ ...parties, entity: undefined })
      .given([])
      .when(record())
      .thenRefused('LOAN.UNKNOWN_ENTITY', 'rule');
  });

  it('refuses a contract number already recorded for the lender as a conflict (409)', () => {
    spec.given([disbursed()]).when(record()).thenRefused('LOAN.CONTRACT_NO_TAKEN', 'conflict');
  });

  it('lets an admin record, refuses a clerk of another township and an auditor', () => {
    spec.given([]).when(record({}, admin)).then([disbursed()]);
    spec
      .given([])
      .when(record({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([]).when(record({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
