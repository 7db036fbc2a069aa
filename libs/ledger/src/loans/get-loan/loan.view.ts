import type { LoanStatus } from '../loan.figures';
import type { LoanSubsidyTerms, LoanUse, RepaidBy } from '../loan.events';
import type { Fen } from '../../primitives/money';

/*
 * A loan as the API answers it (`GET /v1/loans/{id}`). Types only: the web console compiles against it.
 */

/** The loan as recorded. */
export interface LoanRecordView {
  loanId: string;
  householdId: string;
  township: string;
  county: string;
  lender: string;
  contractNo?: string;
  principalFen: Fen;
  annualRateBp: number;
  disbursedOn: string;
  maturesOn: string;
  use: LoanUse;
  /** As recorded: the entity a 户贷企用 loan was invested in. */
  entityId?: string;
  /** The same entity with its name, or null. */
  entity: { id: string; name: string } | null;
  subsidy?: LoanSubsidyTerms;
}

export interface LoanRepaymentView {
  paymentId: string;
  principalFen: Fen;
  interestFen: Fen;
  paidOn: string;
  paidBy: RepaidBy;
  reference?: string;
  reversed: boolean;
  reversal?: { reversalId: string; reason: string };
}

export interface LoanSubsidyView {
  paymentId: string;
  amountFen: Fen;
  paidOn: string;
  reference?: string;
  /** Interest repaid by paidOn, and the cap it gave, when the subsidy was paid. */
  interestRepaidFen: Fen;
  capFen: Fen;
  reversed: boolean;
  reversal?: { reversalId: string; reason: string };
}

export interface LoanView {
  loan: LoanRecordView;
  outstandingPrincipalFen: Fen;
  /** Interest repaid, net of reversals. */
  interestPaidFen: Fen;
  /** Subsidies paid, net of reversals. */
  subsidisedFen: Fen;
  /** What the subsidies exceed the cap by, after a repayment they counted on was reversed (else 0). */
  oversubsidisedFen: Fen;
  status: LoanStatus;
  repayments: LoanRepaymentView[];
  subsidies: LoanSubsidyView[];
  /** Ledger position the view was read at. */
  position: number;
}
