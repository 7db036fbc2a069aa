import type { ObligationTotals } from '../get-obligations/obligations.view';
import type { Fen } from '../../primitives/money';

/** One entity in the county's arrears (欠付台账): what it owes households, due by `dueBy`. */
export interface EntityArrears {
  entity: { id: string; name: string; township: string };
  /** Households with something outstanding on the entity's items (a collective is not counted). */
  households: number;
  dueFen: Fen;
  paidFen: Fen;
  outstandingFen: Fen;
  /** The earliest due date of an item still outstanding. */
  oldestDueOn: string | null;
}

/** `GET /v1/audit/arrears`: every entity with something outstanding, in the order of `sort` (largest first by default). */
export interface ArrearsView {
  dueBy: string;
  asOf: string;
  entities: EntityArrears[];
  /** Over the entities listed. */
  totals: ObligationTotals;
}
