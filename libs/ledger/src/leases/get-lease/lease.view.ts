import type { PaymentBankView } from '../../payments/payment';
import type { RentSchedule } from '../../primitives/rent';
import type { Fen } from '../../primitives/money';

/** A lease as the API shows it: its terms, its rent schedule with what is paid and owed, its payments. */
export interface LeaseView {
  id: string;
  entityId: string;
  entityName: string;
  householdId: string;
  township: string;
  areaMu: string;
  rentPerMuYearFen: Fen;
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
    amountFen: Fen;
    /** Paid and not reversed. */
    paidFen: Fen;
    outstandingFen: Fen;
  }[];
  payments: ({
    paymentId: string;
    period: string;
    amountFen: Fen;
    paidOn: string;
    reference?: string;
    reversed: boolean;
    reversal?: { reversalId: string; reason: string };
  } & PaymentBankView)[];
  totals: { dueFen: Fen; paidFen: Fen; outstandingFen: Fen };
  /** Ledger position the view was read at. */
  position: number;
}
