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

/**
 * `GET /v1/audit/arrears`: the entities with something outstanding, in the order of `sort` (largest first
 * by default), a page at a time.
 */
export interface ArrearsView {
  dueBy: string;
  /** The instant the figures are taken at; every page of one listing has the first page's. */
  asOf: string;
  /** One page of the entities. */
  entities: EntityArrears[];
  /** Over every entity of the filter, not only this page. */
  totals: ObligationTotals;
  /** How many entities have something outstanding under the filter, over every page. */
  total: number;
  /** Absent on the last page. */
  nextCursor?: string;
}
