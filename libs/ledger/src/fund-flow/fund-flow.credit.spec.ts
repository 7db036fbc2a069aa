import { creditFigures, type LoanFigure } from './fund-flow.credit';

const loan: LoanFigure = {
  loanId: 'loan-1',
  householdId: 'household-1',
  entityId: 'entity-1',
  lender: '英山县农商银行',
  principalFen: 2_000_000,
  annualRateBp: 435,
  subsidyRateBp: 300,
};
const name = (id: string) => id;

describe('micro-credit in the fund flow', () => {
  it('follows a loan into the entity and back out as repayments, with the project’s subsidies', () => {
    const figures = creditFigures(
      {
        loans: [loan],
        stakes: [
          { stakeId: 'entity-1.s1', loanId: 'loan-1', entityId: 'entity-1', principalFen: 1_500_000 },
          { stakeId: 'entity-1.s2', loanId: 'loan-1', entityId: 'entity-1', principalFen: 500_000 },
        ],
        payments: [
          {
            loanId: 'loan-1',
            kind: 'repayment',
            paidBy: 'entity',
            principalFen: 500_000,
            interestFen: 87_000,
            amountFen: 587_000,
          },
          {
            loanId: 'loan-1',
            kind: 'repayment',
            paidBy: 'household',
            principalFen: 0,
            interestFen: 1_000,
            amountFen: 1_000,
          },
          { loanId: 'loan-1', kind: 'subsidy', principalFen: 0, interestFen: 0, amountFen: 60_689 },
        ],
      },
      name,
    );
    expect(figures.credit).toEqual([
      {
        ...{ loanId: 'loan-1', householdId: 'household-1', entityId: 'entity-1', lender: '英山县农商银行' },
        principalFen: 2_000_000,
        investedFen: 2_000_000,
        repaidPrincipalFen: 500_000,
        repaidByEntityFen: 587_000,
        interestRepaidFen: 88_000,
        subsidisedFen: 60_689,
        oversubsidisedFen: 0,
      },
    ]);
    expect(figures.subsidisedFen).toBe(60_689);
    expect(figures.flags).toEqual([]);
  });

  it('flags subsidies above the cap of the interest repaid, and stakes beyond the loan’s principal', () => {
    const figures = creditFigures(
      {
        loans: [loan],
        stakes: [{ stakeId: 'entity-1.s1', loanId: 'loan-1', entityId: 'entity-1', principalFen: 2_000_001 }],
        payments: [
          {
            loanId: 'loan-1',
            kind: 'repayment',
            paidBy: 'household',
            principalFen: 0,
            interestFen: 1_000,
            amountFen: 1_000,
          },
          { loanId: 'loan-1', kind: 'subsidy', principalFen: 0, interestFen: 0, amountFen: 60_689 },
        ],
      },
      name,
      'en',
    );
    expect(figures.credit[0].oversubsidisedFen).toBe(60_689 - 689);
    expect(figures.flags.map((f) => f.rule)).toEqual([
      'FUND_FLOW.LOAN_STAKES_BEYOND_PRINCIPAL',
      'FUND_FLOW.SUBSIDY_BEYOND_CAP',
    ]);
    expect(figures.flags[1].detail).toContain('600.00 yuan more');
  });
});
