import { auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { disbursed, LOAN_ID, repaid, reversed } from '../loan.fixtures';
import { loan } from '../loan.state';
import { RecordLoanRepaymentCommand } from './record-loan-repayment.command';
import { decideRecordLoanRepayment } from './record-loan-repayment.decide';

const spec = specFor(loan, decideRecordLoanRepayment);

const repay = (
  payload: Partial<RecordLoanRepaymentCommand['payload']> = {},
  actor = clerkOf('城关镇'),
): RecordLoanRepaymentCommand =>
  new RecordLoanRepaymentCommand(
    {
      loanId: LOAN_ID,
      principalFen: 1_000_000,
      interestFen: 217_500,
      paidOn: '2019-03-01',
      paidBy: 'entity',
      ...payload,
    },
    metadataFor(actor),
  );

describe('record a loan repayment', () => {
  it('records the entity’s repayment of a 户贷企用 loan as the loan’s first payment', () => {
    spec
      .given([disbursed()])
      .when(repay())
      .then([repaid(1, 1_000_000, 217_500)]);
  });

  it('numbers repayments after every payment of the loan, reversed ones and subsidies included', () => {
    spec
      .given([disbursed(), repaid(1, 1_000_000, 217_500), reversed(1)])
      .when(repay({ paidBy: 'household', reference: 'HK-2' }))
      .then([
        {
          ...repaid(2, 1_000_000, 217_500, '2019-03-01', 'household'),
          data: { ...repaid(2, 1_000_000, 217_500, '2019-03-01', 'household').data, reference: 'HK-2' },
        },
      ]);
  });

  it('refuses principal beyond what is outstanding, counting reversed repayments as not paid', () => {
    spec
      .given([disbursed(), repaid(1, 4_000_000, 0)])
      .when(repay({ principalFen: 1_000_001 }))
      .thenRefused('LOAN.REPAYMENT_EXCEEDS_OUTSTANDING', 'rule');
    spec
      .given([disbursed(), repaid(1, 4_000_000, 0), reversed(1)])
      .when(repay({ principalFen: 5_000_000 }))
      .then([repaid(2, 5_000_000, 217_500)]);
  });

  it('takes interest alone on a loan whose principal is repaid', () => {
    spec
      .given([disbursed(), repaid(1, 5_000_000, 0)])
      .when(repay({ principalFen: 0, interestFen: 1_000 }))
      .then([repaid(2, 0, 1_000)]);
  });

  it('refuses a repayment by the entity on a loan for own production', () => {
    spec
      .given([disbursed({ use: 'own_production', entityId: undefined, entityName: undefined })])
      .when(repay())
      .thenRefused('LOAN.ENTITY_REPAYMENT_NOT_INVESTED', 'rule');
  });

  it('refuses a repayment dated before disbursement', () => {
    spec
      .given([disbursed()])
      .when(repay({ paidOn: '2018-02-28' }))
      .thenRefused('LOAN.REPAID_BEFORE_DISBURSED', 'rule');
  });

  it('answers 404 for an unknown loan; refuses another township’s clerk and an auditor', () => {
    spec.given([]).when(repay()).thenRefused('LOAN.NOT_FOUND', 'not_found');
    spec
      .given([disbursed()])
      .when(repay({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([disbursed()]).when(repay({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
