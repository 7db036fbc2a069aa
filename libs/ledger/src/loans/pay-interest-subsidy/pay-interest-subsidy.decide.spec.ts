import { auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import { disbursed, LOAN_ID, repaid, reversed, subsidised } from '../loan.fixtures';
import { loan } from '../loan.state';
import { PayInterestSubsidyCommand } from './pay-interest-subsidy.command';
import { decidePayInterestSubsidy } from './pay-interest-subsidy.decide';

const spec = specFor(loan, decidePayInterestSubsidy);

const pay = (
  payload: Partial<PayInterestSubsidyCommand['payload']> = {},
  actor = clerkOf('城关镇'),
): PayInterestSubsidyCommand =>
  new PayInterestSubsidyCommand(
    { loanId: LOAN_ID, amountFen: 217_500, paidOn: '2019-03-15', ...payload },
    metadataFor(actor),
  );

describe('pay an interest subsidy', () => {
  it('pays up to the interest repaid at the full subsidy rate, recording the cap it was checked against', () => {
    spec
      .given([disbursed(), repaid(1, 1_000_000, 217_500)])
      .when(pay())
      .then([subsidised(2, 217_500, 217_500, 217_500)]);
  });

  it('caps at interest × subsidy rate ÷ loan rate, rounded down to the fen', () => {
    // 217,501 × 300 / 435 = 150,000.68…: 150,000 fen.
    const partly = disbursed({ subsidy: { rateBp: 300, payer: 'county' } });
    spec
      .given([partly, repaid(1, 0, 217_501)])
      .when(pay({ amountFen: 150_001 }))
      .thenRefused('LOAN.SUBSIDY_EXCEEDS_CAP', 'rule');
    const [event] = spec
      .given([partly, repaid(1, 0, 217_501)])
      .when(pay({ amountFen: 150_000 }))
      .thenEvents();
    expect(event.data).toMatchObject({ subsidyRateBp: 300, interestRepaidFen: 217_501, capFen: 150_000 });
  });

  it('counts only repayments paid on or before the subsidy’s paidOn, net of reversals', () => {
    spec
      .given([disbursed(), repaid(1, 0, 100_000, '2019-03-01'), repaid(2, 0, 100_000, '2019-04-01')])
      .when(pay({ amountFen: 100_001, paidOn: '2019-03-15' }))
      .thenRefused('LOAN.SUBSIDY_EXCEEDS_CAP', 'rule');
    spec
      .given([disbursed(), repaid(1, 0, 100_000, '2019-03-01'), repaid(2, 0, 100_000, '2019-03-10'), reversed(2)])
      .when(pay({ amountFen: 100_001, paidOn: '2019-03-15' }))
      .thenRefused('LOAN.SUBSIDY_EXCEEDS_CAP', 'rule');
  });

  it('counts earlier subsidies not reversed against the cap', () => {
    spec
      .given([disbursed(), repaid(1, 0, 200_000), subsidised(2, 150_000, 200_000, 200_000)])
      .when(pay({ amountFen: 50_001 }))
      .thenRefused('LOAN.SUBSIDY_EXCEEDS_CAP', 'rule');
    spec
      .given([disbursed(), repaid(1, 0, 200_000), subsidised(2, 150_000, 200_000, 200_000), reversed(2)])
      .when(pay({ amountFen: 200_000 }))
      .then([subsidised(3, 200_000, 200_000, 200_000)]);
  });

  it('refuses a subsidy on a loan recorded without one, or dated before disbursement', () => {
    spec
      .given([disbursed({ subsidy: undefined }), repaid(1, 0, 200_000)])
      .when(pay())
      .thenRefused('LOAN.NO_SUBSIDY', 'rule');
    spec
      .given([disbursed(), repaid(1, 0, 200_000)])
      .when(pay({ paidOn: '2018-01-01' }))
      .thenRefused('LOAN.SUBSIDY_BEFORE_DISBURSED', 'rule');
  });

  it('answers 404 for an unknown loan; refuses another township’s clerk and an auditor', () => {
    spec.given([]).when(pay()).thenRefused('LOAN.NOT_FOUND', 'not_found');
    spec
      .given([disbursed()])
      .when(pay({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([disbursed()]).when(pay({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
