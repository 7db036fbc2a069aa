import type { PaymentBankView } from '../../payments/payment';
import type { RentSchedule } from '../../primitives/rent';

/** A lease as the API shows it: its terms, its rent schedule with what is paid and owed, its payments. */
export interface LeaseView {
  id: string;
  entityId: string;
  entityName: string;
  householdId: string;
  township: string;
  areaMu: string;
  rentPerMuYearFen: number;
  startsOn: string;
  /** Last day of the term in force: the early end if the lease ended early, else the end as signed. */
  endsOn: string;
  /** Last day of the term as signed. */
  signedEndsOn: string;
  schedule: RentSchedule;
  ended: { endsOn: string; reason: string } | null;
  dues: {
    period: string;
    dueOn: string;
    share: string;
    amountFen: number;
    /** Paid and not reversed. */
    paidFen: number;
    outstandingFen: number;
  }[];
  payments: ({
    paymentId: string;
    period: string;
    amountFen: number;
    paidOn: string;
    reference?: string;
    reversed: boolean;
    reversal?: { reversalId: string; reason: string };
  } & PaymentBankView)[];
  totals: { dueFen: number; paidFen: number; outstandingFen: number };
  /** Ledger position the view was read at. */
  position: number;
}
