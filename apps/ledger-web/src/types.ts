/**
 * The shapes of the API's answers that the console reads: the API's own view types (types only, erased
 * from the bundle), so the console cannot drift from what the API answers.
 */

export type {
  HouseholdSummary as Household,
  HouseholdView,
} from '../../../libs/ledger/src/households/get-household/household.view';
export type { Statement, StatementLine } from '../../../libs/ledger/src/statements/statement.view';
export type {
  ObligationItem as Obligation,
  ObligationsView as Obligations,
} from '../../../libs/ledger/src/obligations/get-obligations/obligations.view';
export type { FundFlowView as FundFlow } from '../../../libs/ledger/src/fund-flow/get-fund-flow/fund-flow.view';
export type { Coverage, CoverageRow } from '../../../libs/ledger/src/coverage/coverage.view';
export type {
  EntityListItem,
  HouseholdLinkage,
  ProjectListItem,
} from '../../../libs/ledger/src/directory/directory.view';
export type { LeaseView } from '../../../libs/ledger/src/leases/get-lease/lease.view';
export type { DividendView } from '../../../libs/ledger/src/dividends/get-dividend/dividend.view';
export type { LoanHolding } from '../../../libs/ledger/src/statements/statement.view';
export type { LoanView, LoanRepaymentView } from '../../../libs/ledger/src/loans/get-loan/loan.view';
export type { LoanBook, LoanBookItem } from '../../../libs/ledger/src/loans/loan-book/loan-book.view';

export interface Page<Item> {
  items: Item[];
  nextCursor?: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
  code?: string;
}

/** `POST /v1/imports` and `GET /v1/imports/{id}`. */
export interface ImportReport {
  id: string;
  kind: string;
  dryRun: boolean;
  fileName: string;
  status: 'validated' | 'processing' | 'committed' | 'rejected' | 'duplicate';
  phase?: 'validating' | 'writing' | 'done';
  rows: number;
  accepted: number;
  rejected: number;
  written?: number;
  errors: ImportRowError[];
  errorCount?: number;
  duplicateOf?: string;
  position?: number;
  failure?: string;
  wrote?: { row: number; id: string; position: number }[];
}
