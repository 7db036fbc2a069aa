import { daysBetween } from '../primitives/calendar';

/** What a bank file's row says of one transfer (`row` numbers lines as imports do: the header is 1). */
export interface BankRow {
  row: number;
  reference: string | null;
  amountFen: number;
  date: string;
  status: '成功' | '退回';
  registrationNo: string | null;
}

/** A payment of the township as the ledger stands, with what a bank row may match it by. */
export interface LedgerPayment {
  paymentId: string;
  reference: string | null;
  registrationNo: string;
  amountFen: number;
  paidOn: string;
  reversed: boolean;
  returned: boolean;
}

/** The four lists a clerk works through, and how many rows agreed. */
export interface Reconciliation {
  rows: number;
  matched: number;
  /** The rows counted by `matched`, in file order. */
  matchedRows: { row: number; paymentId: string }[];
  returned: { row: number; paymentId: string }[];
  amountMismatches: { row: number; paymentId: string; bankFen: number; ledgerFen: number }[];
  unmatchedBankRows: BankRow[];
  unmatchedPayments: { paymentId: string; paidOn: string; amountFen: number }[];
}

/** How far apart a bank's value date and the ledger's paidOn may lie for a match without reference. */
export const MATCH_WINDOW_DAYS = 3;

/**
 * Matches a bank file against the township's payments: by reference (凭证号) where the row has one
 * that a payment carries, else by registration number, amount and a date within 3 days. A payment is
 * matched by one row at most, rows in file order. A reversed payment matches nothing (it was taken
 * back in the ledger); a returned one still matches by reference, so a file read twice finds its
 * returns again. A matched row with another amount is a mismatch whatever its status.
 */
export function reconcile(bankRows: readonly BankRow[], payments: readonly LedgerPayment[]): Reconciliation {
  const live = payments.filter((p) => !p.reversed);
  const byReference = new Map<string, LedgerPayment>();
  for (const p of live) if (p.reference !== null && !byReference.has(p.reference)) byReference.set(p.reference, p);
  const taken = new Set<string>();
  const result: Reconciliation = {
    rows: bankRows.length,
    matched: 0,
    matchedRows: [],
    returned: [],
    amountMismatches: [],
    unmatchedBankRows: [],
    unmatchedPayments: [],
  };
  for (const bank of bankRows) {
    const payment = matchOf(bank, byReference, live, taken);
    if (!payment) {
      result.unmatchedBankRows.push(bank);
      continue;
    }
    taken.add(payment.paymentId);
    if (payment.amountFen !== bank.amountFen) {
      result.amountMismatches.push({
        row: bank.row,
        paymentId: payment.paymentId,
        bankFen: bank.amountFen,
        ledgerFen: payment.amountFen,
      });
    } else if (bank.status === '退回') {
      result.returned.push({ row: bank.row, paymentId: payment.paymentId });
    } else {
      result.matched += 1;
      result.matchedRows.push({ row: bank.row, paymentId: payment.paymentId });
    }
  }
  if (bankRows.length > 0) {
    const dates = bankRows.map((r) => r.date).sort();
    const [first, last] = [dates[0], dates[dates.length - 1]];
    for (const p of live) {
      if (p.returned || taken.has(p.paymentId) || p.paidOn < first || p.paidOn > last) continue;
      result.unmatchedPayments.push({ paymentId: p.paymentId, paidOn: p.paidOn, amountFen: p.amountFen });
    }
  }
  return result;
}

function matchOf(
  bank: BankRow,
  byReference: ReadonlyMap<string, LedgerPayment>,
  live: readonly LedgerPayment[],
  taken: ReadonlySet<string>,
): LedgerPayment | undefined {
  const referenced = bank.reference === null ? undefined : byReference.get(bank.reference);
  if (referenced) return taken.has(referenced.paymentId) ? undefined : referenced;
  if (bank.registrationNo === null) return undefined;
  return live.find(
    (p) =>
      !taken.has(p.paymentId) &&
      p.registrationNo === bank.registrationNo &&
      p.amountFen === bank.amountFen &&
      Math.abs(daysBetween(p.paidOn, bank.date)) <= MATCH_WINDOW_DAYS,
  );
}
