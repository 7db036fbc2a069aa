import type { LoanDisbursed, LoanEvent, LoanInterestSubsidised, LoanRepaid } from './loan.events';

/*
 * Events of one 户贷企用 loan for deciders' specs: 50,000 yuan at 4.35 % from 2018-03-01 to
 * 2021-03-01, invested in 桃园合作社, its interest subsidised at the full rate by the county.
 */

export const LOAN_ID = 'loan-0f8fad5b-d9cb-569f-a165-70867728950e';

export const disbursed = (data: Partial<LoanDisbursed['data']> = {}): LoanDisbursed => ({
  type: 'LoanDisbursed',
  data: {
    loanId: LOAN_ID,
    householdId: 'household-1',
    township: '城关镇',
    county: '英山县',
    lender: '英山县农商银行',
    contractNo: 'YS-2018-001',
    principalFen: 5_000_000,
    annualRateBp: 435,
    disbursedOn: '2018-03-01',
    maturesOn: '2021-03-01',
    use: 'invested_in_entity',
    entityId: 'entity-1',
    entityName: '桃园合作社',
    subsidy: { rateBp: 435, payer: 'county' },
    ...data,
  },
});

export const repaid = (
  n: number,
  principalFen: number,
  interestFen: number,
  paidOn = '2019-03-01',
  paidBy: LoanRepaid['data']['paidBy'] = 'entity',
): LoanRepaid => ({
  type: 'LoanRepaid',
  data: {
    loanId: LOAN_ID,
    paymentId: `${LOAN_ID}.p${n}`,
    householdId: 'household-1',
    principalFen,
    interestFen,
    paidOn,
    paidBy,
  },
});

export const subsidised = (
  n: number,
  amountFen: number,
  interestRepaidFen: number,
  capFen: number,
  paidOn = '2019-03-15',
): LoanInterestSubsidised => ({
  type: 'LoanInterestSubsidised',
  data: {
    loanId: LOAN_ID,
    paymentId: `${LOAN_ID}.p${n}`,
    householdId: 'household-1',
    amountFen,
    paidOn,
    lender: '英山县农商银行',
    principalFen: 5_000_000,
    annualRateBp: 435,
    subsidyRateBp: 435,
    payer: 'county',
    entityId: 'entity-1',
    entityName: '桃园合作社',
    interestRepaidFen,
    capFen,
  },
});

export const reversed = (n: number, reason = '录入错误'): LoanEvent => ({
  type: 'PaymentReversed',
  data: { paymentId: `${LOAN_ID}.p${n}`, reversalId: `${LOAN_ID}.p${n}.r`, reason },
});
