import { assertMayWriteIn } from '../../common/actor';
import { maxDate } from '../../primitives/calendar';
import { reconcile, type LedgerPayment } from '../reconcile';
import type { BankFileReconciled, ReturnedRow } from '../reconciliation.events';
import type { ReconcileBankFileCommand } from './reconcile-bank-file.command';

/** A township's payment as the reconciliation reads it: what the matcher needs, and whose it is. */
export interface TownshipPayment extends LedgerPayment {
  householdId: string;
}

/** A return the reconciliation asks its payment's stream to record (`apply=returns`). */
export interface ReturnToRecord {
  row: number;
  paymentId: string;
  /** The row's date, or the payment's own date when the bank's lies before it (within the 3-day window). */
  returnedOn: string;
}

/** What a reconciliation found, before any return is recorded. */
export interface ReconciliationPlan {
  /** The event to keep first: the returns it decided are marked `returnRecorded`, with their `returnedOn`. */
  event: BankFileReconciled;
  /** Empty unless the clerk asked for returns: the matched 退回 rows whose payment is not yet returned. */
  returns: ReturnToRecord[];
}

/** The returns a kept reconciliation decided to record, to be applied (again, idempotently) after it. */
export function returnsToApply(data: BankFileReconciled['data']): ReturnToRecord[] {
  return data.returned.flatMap(({ row, paymentId, returnRecorded, returnedOn }) =>
    returnRecorded && returnedOn !== undefined ? [{ row, paymentId, returnedOn }] : [],
  );
}

/**
 * Matches the file against the township's payments (only an admin or a clerk of the township may)
 * and plans the returns. A payment already returned (by hand, or by an earlier reconciliation of
 * the same file) is not planned again; the return's own stream refuses a second one anyway.
 */
export function planReconciliation(
  command: ReconcileBankFileCommand,
  payments: readonly TownshipPayment[],
): ReconciliationPlan {
  const { reconciliationId, township, fileName, sha256, rows, applyReturns } = command.payload;
  assertMayWriteIn(command.metadata.actor, township);
  const found = reconcile(rows, payments);
  const byId = new Map(payments.map((p) => [p.paymentId, p]));
  const rowAt = new Map(rows.map((r) => [r.row, r]));
  const paymentOf = (id: string) => byId.get(id)!;
  const dateOf = (row: number) => rowAt.get(row)!.date;
  const dates = rows.map((r) => r.date).sort();
  const returned: ReturnedRow[] = found.returned.map(({ row, paymentId }) => {
    const payment = paymentOf(paymentId);
    const toRecord = applyReturns && !payment.returned;
    return {
      row,
      paymentId,
      householdId: payment.householdId,
      amountFen: payment.amountFen,
      date: dateOf(row),
      returnRecorded: toRecord,
      // Never before the payment's own date (the bank's may lie up to 3 days earlier).
      ...(toRecord ? { returnedOn: maxDate(dateOf(row), payment.paidOn) } : {}),
    };
  });
  const event: BankFileReconciled = {
    type: 'BankFileReconciled',
    data: {
      reconciliationId,
      township,
      fileName,
      sha256,
      rows: rows.length,
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      appliedReturns: applyReturns,
      matched: found.matchedRows.map(({ row, paymentId }) => ({
        row,
        paymentId,
        householdId: paymentOf(paymentId).householdId,
        amountFen: paymentOf(paymentId).amountFen,
        date: dateOf(row),
      })),
      returned,
      amountMismatches: found.amountMismatches.map((m) => ({
        ...m,
        householdId: paymentOf(m.paymentId).householdId,
        date: dateOf(m.row),
      })),
      unmatchedBankRows: found.unmatchedBankRows,
      unmatchedPayments: found.unmatchedPayments.map((u) => ({
        ...u,
        householdId: paymentOf(u.paymentId).householdId,
        reference: paymentOf(u.paymentId).reference,
      })),
    },
  };
  return { event, returns: returnsToApply(event.data) };
}
