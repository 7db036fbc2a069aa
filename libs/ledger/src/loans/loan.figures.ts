import { compareDates } from '../primitives/calendar';
import type { LoanState, RepaymentRecord, SubsidyRecord } from './loan.state';

/*
 * What a loan's record adds up to. Pure: every figure is computed from the folded stream, with
 * reversed repayments and subsidies left out (they stay on record, marked reversed).
 */

type Disbursed = Extract<LoanState, { status: 'disbursed' }>;

export type LoanStatus = 'active' | 'repaid' | 'overdue';

const standing = <R extends { paymentId: string }>(loan: Disbursed, records: readonly R[]): R[] =>
  records.filter((r) => loan.payments.get(r.paymentId)?.reversal === undefined);

/** Repayments not reversed. */
export const standingRepayments = (loan: Disbursed): RepaymentRecord[] => standing(loan, loan.repayments);

/** Subsidies not reversed. */
export const standingSubsidies = (loan: Disbursed): SubsidyRecord[] => standing(loan, loan.subsidies);

/** Principal still owed to the bank. */
export function outstandingPrincipalFen(loan: Disbursed): number {
  return loan.terms.principalFen - standingRepayments(loan).reduce((sum, r) => sum + r.principalFen, 0);
}

/** Interest repaid, net of reversals: all of it, or what was paid on or before a date. */
export function interestRepaidFen(loan: Disbursed, onOrBefore?: string): number {
  return standingRepayments(loan)
    .filter((r) => onOrBefore === undefined || compareDates(r.paidOn, onOrBefore) <= 0)
    .reduce((sum, r) => sum + r.interestFen, 0);
}

/** Subsidies paid, net of reversals. */
export function subsidisedFen(loan: Disbursed): number {
  return standingSubsidies(loan).reduce((sum, s) => sum + s.amountFen, 0);
}

/**
 * The most the subsidies may add up to: interest repaid × subsidy rate ÷ loan rate, rounded down to
 * the fen (bigint: the product can pass 2^53). A loan without subsidy terms has a cap of 0.
 */
export function subsidyCapFen(loan: Disbursed, interestFen: number): number {
  return capFen(interestFen, loan.terms.subsidy?.rateBp, loan.terms.annualRateBp);
}

/** The cap of `subsidyCapFen` from the figures alone (for read models that hold no folded loan). */
export function capFen(interestFen: number, subsidyRateBp: number | undefined, annualRateBp: number): number {
  if (subsidyRateBp === undefined) return 0;
  return Number((BigInt(interestFen) * BigInt(subsidyRateBp)) / BigInt(annualRateBp));
}

/**
 * What the subsidies paid exceed the cap by, once a repayment they were counted on was reversed:
 * the cap over every repayment still standing, against every subsidy still standing.
 */
export function oversubsidisedFen(loan: Disbursed): number {
  return Math.max(0, subsidisedFen(loan) - subsidyCapFen(loan, interestRepaidFen(loan)));
}

/** Repaid once no principal is owed; overdue once `today` is past maturity with principal owed. */
export function loanStatus(loan: Disbursed, today: string): LoanStatus {
  return statusOf(outstandingPrincipalFen(loan), loan.terms.maturesOn, today);
}

/** The status of `loanStatus` from the figures alone. */
export function statusOf(outstandingFen: number, maturesOn: string, today: string): LoanStatus {
  if (outstandingFen <= 0) return 'repaid';
  return compareDates(today, maturesOn) > 0 ? 'overdue' : 'active';
}
