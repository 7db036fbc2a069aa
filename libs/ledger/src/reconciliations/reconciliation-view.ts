import type { BankFileReconciled } from './reconciliation.events';
import type {
  ReconciledHousehold,
  ReconciledPaymentStatus,
  ReconciliationView,
  ReturnApplication,
} from './reconciliation.view';

/** Where the view's names and payment states come from: the read model, or the handler's own read. */
export interface ViewLookups {
  household(householdId: string): ReconciledHousehold | null;
  byRegistrationNo(registrationNo: string): ReconciledHousehold | null;
  /**
   * `returnedBy`: the causation of the payment's return (a reconciliation's id, or a clerk's request),
   * when known; unknown (the handler's own read, a return kept without one) counts as this one's.
   */
  status(paymentId: string): { status: ReconciledPaymentStatus; reissuedAs?: string; returnedBy?: string };
}

/** Who recorded it, when, and where in the log. */
export interface RecordedAs {
  position: number;
  recordedAt: string;
  recordedBy: string | null;
}

/**
 * A decided return is pending only on a payment still paid; a reversed payment will never be returned;
 * a returned one was recorded by this reconciliation, or elsewhere (another reconciliation of the same
 * file that got there first, or a clerk by hand).
 */
function returnApplication(status: ReconciledPaymentStatus, byThis: boolean): ReturnApplication {
  switch (status) {
    case 'paid':
      return 'pending';
    case 'reversed':
      return 'void';
    case 'returned':
    case 'reissued':
      return byThis ? 'applied' : 'appliedElsewhere';
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

const sum = <T>(items: readonly T[], fen: (item: T) => number): number => items.reduce((s, i) => s + fen(i), 0);

/** The reconciliation as answered, from its event: every payment named by its household's head. */
export function reconciliationView(
  data: BankFileReconciled['data'],
  recorded: RecordedAs,
  lookups: ViewLookups,
): ReconciliationView {
  const matchedRows = data.matched.map(({ householdId, ...m }) => ({
    ...m,
    household: lookups.household(householdId),
  }));
  const returned = data.returned.map(({ householdId, returnedOn: _, ...r }) => {
    const { returnedBy, ...now } = lookups.status(r.paymentId);
    const application = returnApplication(now.status, returnedBy === undefined || returnedBy === data.reconciliationId);
    const elsewhere = application === 'appliedElsewhere' && returnedBy?.startsWith('reconciliation-');
    return {
      ...r,
      household: lookups.household(householdId),
      ...now,
      // A return decided here and not on its payment yet: a crash came between the record and it.
      ...(r.returnRecorded ? { returnApplication: application } : {}),
      ...(r.returnRecorded && elsewhere ? { returnAppliedBy: returnedBy } : {}),
    };
  });
  const amountMismatches = data.amountMismatches.map(({ householdId, ...m }) => ({
    ...m,
    household: lookups.household(householdId),
  }));
  const unmatchedBankRows = data.unmatchedBankRows.map((r) => ({
    ...r,
    household: r.registrationNo === null ? null : lookups.byRegistrationNo(r.registrationNo),
  }));
  const unmatchedPayments = data.unmatchedPayments.map(({ householdId, ...u }) => ({
    ...u,
    household: lookups.household(householdId),
  }));
  return {
    id: data.reconciliationId,
    ...recorded,
    township: data.township,
    fileName: data.fileName,
    sha256: data.sha256,
    firstDate: data.firstDate,
    lastDate: data.lastDate,
    appliedReturns: data.appliedReturns,
    rows: data.rows,
    matched: matchedRows.length,
    matchedRows,
    returned,
    amountMismatches,
    unmatchedBankRows,
    unmatchedPayments,
    totals: {
      matchedFen: sum(matchedRows, (m) => m.amountFen),
      returnedFen: sum(returned, (r) => r.amountFen),
      mismatchBankFen: sum(amountMismatches, (m) => m.bankFen),
      mismatchLedgerFen: sum(amountMismatches, (m) => m.ledgerFen),
      unmatchedBankRowsFen: sum(unmatchedBankRows, (r) => r.amountFen),
      unmatchedPaymentsFen: sum(unmatchedPayments, (u) => u.amountFen),
    },
  };
}
