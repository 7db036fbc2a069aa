import type { PaymentBankView } from '../../payments/payment';
import type { DividendAllocation } from '../dividend.events';
import type { HolderId } from '../dividend.state';
import type { Fen } from '../../primitives/money';

/** A declaration as the API shows it: what each stake was allocated, and what each household was paid and is owed. */
export interface DividendView {
  id: string;
  entityId: string;
  entityName: string;
  township: string;
  period: string;
  periodShare: string;
  declaredOn: string;
  recordDate: string;
  poolFen?: Fen;
  /** A further declaration for a period that had one already (补充分红). */
  supplementary?: true;
  totalShares: number;
  allocations: DividendAllocation[];
  /** One per holder: a household, or a collective (`collectiveId` in place of `householdId`). */
  households: (HolderId & { township: string; allocatedFen: Fen; paidFen: Fen; owedFen: Fen })[];
  payments: (HolderId & {
    paymentId: string;
    amountFen: Fen;
    paidOn: string;
    reference?: string;
    reversed: boolean;
    reversal?: { reversalId: string; reason: string };
  } & PaymentBankView)[];
  totals: { allocatedFen: Fen; paidFen: Fen; owedFen: Fen };
  /** Ledger position the view was read at. */
  position: number;
}
