import type { Fen } from '../primitives/money';
/*
 * What a reconciliation answers (POST and GET alike): the four lists a clerk works through, each
 * item naming the household's head where a person reads it, with ids beside, and totals in fen.
 */

/** Whose payment (or, for a bank row with a registration number, whose number it is). */
export interface ReconciledHousehold {
  id: string;
  registrationNo: string;
  headName: string;
}

/**
 * The payment's state in the ledger now: the clerk reissues a `returned` one from its row; a
 * `reversed` one was withdrawn by a clerk's correction and is neither paid nor returned.
 */
export type ReconciledPaymentStatus = 'paid' | 'returned' | 'reissued' | 'reversed';

/**
 * Whether a return a reconciliation decided has been recorded on its payment yet: `applied` once it
 * is, `pending` while it may still be (POST …/returns records it), `void` when it never will be
 * because the payment was reversed first (a reversed payment cannot be returned).
 */
export type ReturnApplication = 'applied' | 'appliedElsewhere' | 'pending' | 'void';

export interface MatchedRowView {
  row: number;
  paymentId: string;
  household: ReconciledHousehold | null;
  amountFen: Fen;
  date: string;
}

export interface ReturnedRowView extends MatchedRowView {
  /**
   * This reconciliation decided to record the return (`apply=returns`); false when it was already
   * returned, or not applied. Whether it was recorded is `returnApplication`.
   */
  returnRecorded: boolean;
  /**
   * For a return this reconciliation records: `applied` once the payment is returned, `pending` while
   * it is not (the reconciliation is kept before its returns; POST /v1/reconciliations/{id}/returns
   * completes them), `void` when the payment was reversed before its return was recorded,
   * `appliedElsewhere` when the payment is returned but not by this reconciliation (another one that
   * decided the same return got there first, or a clerk recorded it by hand).
   */
  returnApplication?: ReturnApplication;
  /** With `appliedElsewhere`: the reconciliation that recorded the return, when one did. */
  returnAppliedBy?: string;
  status: ReconciledPaymentStatus;
  reissuedAs?: string;
}

export interface AmountMismatchView {
  row: number;
  paymentId: string;
  household: ReconciledHousehold | null;
  bankFen: Fen;
  ledgerFen: Fen;
  date: string;
}

export interface UnmatchedBankRowView {
  row: number;
  reference: string | null;
  amountFen: Fen;
  date: string;
  status: '成功' | '退回';
  registrationNo: string | null;
  /** The household registered under the row's 户编号, if any. */
  household: ReconciledHousehold | null;
}

export interface UnmatchedPaymentView {
  paymentId: string;
  household: ReconciledHousehold | null;
  paidOn: string;
  amountFen: Fen;
  reference: string | null;
}

export interface ReconciliationTotals {
  matchedFen: Fen;
  returnedFen: Fen;
  /** What the bank's mismatched rows say, and what the ledger recorded for them. */
  mismatchBankFen: Fen;
  mismatchLedgerFen: Fen;
  unmatchedBankRowsFen: Fen;
  unmatchedPaymentsFen: Fen;
}

export interface ReconciliationView {
  id: string;
  position: number;
  township: string;
  fileName: string;
  sha256: string;
  recordedAt: string;
  recordedBy: string | null;
  firstDate: string | null;
  lastDate: string | null;
  appliedReturns: boolean;
  rows: number;
  /** Rows matched to a payment of the same amount with status 成功. */
  matched: number;
  matchedRows: MatchedRowView[];
  returned: ReturnedRowView[];
  amountMismatches: AmountMismatchView[];
  unmatchedBankRows: UnmatchedBankRowView[];
  unmatchedPayments: UnmatchedPaymentView[];
  totals: ReconciliationTotals;
}

/** One reconciliation in a list: its counts, not its lists. */
export interface ReconciliationSummary {
  id: string;
  position: number;
  township: string;
  fileName: string;
  sha256: string;
  recordedAt: string;
  recordedBy: string | null;
  firstDate: string | null;
  lastDate: string | null;
  appliedReturns: boolean;
  rows: number;
  matched: number;
  returned: number;
  /**
   * Returns this reconciliation wrote on their payments: not those it decided and that are still
   * pending, void, or written first by another reconciliation or by hand.
   */
  returnsRecorded: number;
  amountMismatches: number;
  unmatchedBankRows: number;
  unmatchedPayments: number;
}

export interface ReconciliationList {
  township: string | null;
  items: ReconciliationSummary[];
  /** Over every reconciliation the filter selects, not only this page. */
  totals: {
    reconciliations: number;
    rows: number;
    matched: number;
    returned: number;
    returnsRecorded: number;
    amountMismatches: number;
    unmatchedBankRows: number;
    unmatchedPayments: number;
  };
  nextCursor?: string;
}
