import type { WageBasis, WagePaid } from '../employment.events';
import type { Fen } from '../../primitives/money';

/** A wage payment as the API shows it, marked if it was reversed. */
export type WagePaymentView = WagePaid['data'] & { reversal?: { reversalId: string; reason: string } };

/** An employment as the API shows it, with every wage payment recorded on it. */
export interface EmploymentView {
  id: string;
  entityId: string;
  entityName: string;
  householdId: string;
  township: string;
  workerName: string;
  startsOn: string;
  wageBasis: WageBasis;
  rateFen: Fen;
  status: 'active' | 'ended';
  endsOn?: string;
  endReason?: string;
  payments: WagePaymentView[];
  /** Ledger position the view was read at. */
  position: number;
}
