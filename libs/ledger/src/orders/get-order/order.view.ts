import type { PurchasePaid } from '../order.events';
import type { Fen } from '../../primitives/money';

/** A purchase payment as the API shows it, marked if it was reversed. */
export type PurchasePaymentView = PurchasePaid['data'] & { reversal?: { reversalId: string; reason: string } };

/** An order contract as the API shows it, with every purchase payment recorded on it. */
export interface OrderView {
  id: string;
  entityId: string;
  entityName: string;
  householdId: string;
  township: string;
  product: string;
  unit: string;
  priceFen: Fen;
  startsOn: string;
  endsOn: string;
  payments: PurchasePaymentView[];
  /** Ledger position the view was read at. */
  position: number;
}
