import type { DomainEvent } from '../common/decider';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';

/** What the household does with the loan: its own farm or trade, or invested in an entity (户贷企用). */
export type LoanUse = 'own_production' | 'invested_in_entity';
export const LOAN_USES: readonly LoanUse[] = ['own_production', 'invested_in_entity'];

/** Who pays the interest subsidy (财政贴息): the county's budget, or a project's fiscal funds. */
export type SubsidyPayer = 'county' | 'project';
export const SUBSIDY_PAYERS: readonly SubsidyPayer[] = ['county', 'project'];

/** Who repaid: the household itself, or (户贷企用 only) the entity the loan was invested in. */
export type RepaidBy = 'household' | 'entity';
export const REPAID_BY: readonly RepaidBy[] = ['household', 'entity'];

/** The subsidy terms of a loan: the share of its interest the public purse pays back, as a rate. */
export interface LoanSubsidyTerms {
  /** Subsidised rate in basis points, at most the loan's own rate. */
  rateBp: number;
  payer: SubsidyPayer;
  projectId?: string;
}

/**
 * A bank lent a registered household a poverty micro-credit loan (扶贫小额信贷): at most 50,000 yuan,
 * at most three years, no collateral. In 户贷企用 the household invested it in an entity, named here.
 */
export type LoanDisbursed = DomainEvent<
  'LoanDisbursed',
  {
    loanId: string;
    householdId: string;
    /** The household's township and county: clerks of that township record this loan's repayments. */
    township: string;
    county: string;
    lender: string;
    /** 借款合同号, unique per lender. */
    contractNo?: string;
    principalFen: number;
    annualRateBp: number;
    disbursedOn: string;
    maturesOn: string;
    use: LoanUse;
    entityId?: string;
    /** The entity's name as registered when the loan was recorded (for statements). */
    entityName?: string;
    subsidy?: LoanSubsidyTerms;
  }
>;

/**
 * Principal and/or interest repaid to the bank, by the household or by the entity. Not income: it
 * never becomes a statement line, but it has a payment id so that a mistaken one can be reversed.
 */
export type LoanRepaid = DomainEvent<
  'LoanRepaid',
  {
    loanId: string;
    /** `<loanId>.p<n>`, numbered with the loan's subsidies. */
    paymentId: string;
    householdId: string;
    principalFen: number;
    interestFen: number;
    paidOn: string;
    paidBy: RepaidBy;
    reference?: string;
  }
>;

/**
 * Fiscal interest subsidy (贴息) paid to the household: income, a statement line. Carries the loan's
 * terms and the cap it was checked against, so that the line explains itself.
 */
export type LoanInterestSubsidised = DomainEvent<
  'LoanInterestSubsidised',
  {
    loanId: string;
    paymentId: string;
    householdId: string;
    amountFen: number;
    paidOn: string;
    reference?: string;
    lender: string;
    principalFen: number;
    annualRateBp: number;
    subsidyRateBp: number;
    payer: SubsidyPayer;
    projectId?: string;
    entityId?: string;
    entityName?: string;
    /** Interest repaid on or before paidOn, net of reversals, when the subsidy was paid. */
    interestRepaidFen: number;
    /** interestRepaidFen × subsidyRateBp / annualRateBp, rounded down to the fen. */
    capFen: number;
  }
>;

/** Everything recorded in a loan's stream, the shared reversal included. */
export type LoanEvent = LoanDisbursed | LoanRepaid | LoanInterestSubsidised | PaymentReversed | PaymentBankEvent;
