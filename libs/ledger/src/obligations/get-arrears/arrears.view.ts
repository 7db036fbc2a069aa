import type { ObligationTotals } from '../get-obligations/obligations.view';

/** One entity in the county's arrears (欠付台账): what it owes households, due by `dueBy`. */
export interface EntityArrears {
  entity: { id: string; name: string; township: string };
  /** Households with something outstanding on the entity's items (a collective is not counted). */
  households: number;
  dueFen: number;
  paidFen: number;
  outstandingFen: number;
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
