import type { LoanStatus } from '../loan.figures';
import type { LoanUse } from '../loan.events';
import type { Fen } from '../../primitives/money';

/*
 * The county's loan book as the API answers it (`GET /v1/audit/loans`). Types only: the web console
 * compiles against it.
 */

/** One loan of the book, with what it stands at today. */
export interface LoanBookItem {
  loanId: string;
  household: { id: string; registrationNo: string; headName: string };
  township: string;
  /** The borrower's village (村). */
  village: string;
  lender: string;
  contractNo?: string;
  use: LoanUse;
  entity: { id: string; name: string } | null;
  principalFen: Fen;
  annualRateBp: number;
  subsidyRateBp?: number;
  disbursedOn: string;
  maturesOn: string;
  outstandingPrincipalFen: Fen;
  interestPaidFen: Fen;
  subsidisedFen: Fen;
  oversubsidisedFen: Fen;
  status: LoanStatus;
}

export interface LoanBook {
  /** The county asked for, or null for every county the caller may read. */
  county: string | null;
  /** The date (China time) status is taken on: overdue means past maturity on it with principal owed. */
  on: string;
  position: number;
  /** How many loans match the filter. */
  loans: number;
  /** Households registered in the county (a clerk: in its townships). */
  households: number;
  householdsWithLoan: number;
  principalFen: Fen;
  outstandingPrincipalFen: Fen;
  overdue: { loans: number; principalFen: Fen };
  subsidisedFen: Fen;
  oversubsidisedFen: Fen;
  /** One page of the loans in the order asked; by default overdue ones first (longest overdue first), then by maturity. */
  items: LoanBookItem[];
  /** How many loans match the filter over every page (the summary figures above cover them all). */
  total: number;
  /** Absent on the last page. */
  nextCursor?: string;
}
