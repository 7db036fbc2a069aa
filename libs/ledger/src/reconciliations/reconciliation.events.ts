import type { DomainEvent } from '../common/decider';
import type { BankRow } from './reconcile';

/** A bank row matched to a payment of the ledger, with whose payment it is (ids only: names stay in the household's events). */
export interface MatchedRow {
  row: number;
  paymentId: string;
  householdId: string;
  amountFen: number;
  date: string;
}

/**
 * A 退回 row matched to a payment of the same amount; `returnRecorded` when this reconciliation
 * records the return (`apply=returns`, the payment not yet returned). Since the reconciliation is
 * kept before its returns are applied (a crash in between must leave a record that says what is
 * still to do), such a row also carries the `returnedOn` the return is recorded with; older
 * reconciliations, kept after their returns, have none and are complete.
 */
export interface ReturnedRow extends MatchedRow {
  returnRecorded: boolean;
  returnedOn?: string;
}

/** A row matched to a payment of another amount. */
export interface AmountMismatch {
  row: number;
  paymentId: string;
  householdId: string;
  bankFen: number;
  ledgerFen: number;
  date: string;
}

/** A payment of the township in the file's dates that no row matched. */
export interface UnmatchedPayment {
  paymentId: string;
  householdId: string;
  paidOn: string;
  amountFen: number;
  reference: string | null;
}

/**
 * A township reconciled a bank file (银行对账) against its payments: the file's hash and the four
 * lists as the ledger stood, kept so an auditor can reopen it. Who and when are the event's own
 * metadata. The returns it records (`apply=returns`) are PaymentReturned events of their payments,
 * appended after this event, each idempotently (see apply-pending-returns/apply-returns.ts).
 */
export type BankFileReconciled = DomainEvent<
  'BankFileReconciled',
  {
    reconciliationId: string;
    township: string;
    fileName: string;
    sha256: string;
    rows: number;
    /** The file's earliest and latest dates (null for a file without rows). */
    firstDate: string | null;
    lastDate: string | null;
    /** Whether the clerk asked for the returns to be recorded (`apply=returns`). */
    appliedReturns: boolean;
    matched: MatchedRow[];
    returned: ReturnedRow[];
    amountMismatches: AmountMismatch[];
    unmatchedBankRows: BankRow[];
    unmatchedPayments: UnmatchedPayment[];
  }
>;

export type ReconciliationEvent = BankFileReconciled;
