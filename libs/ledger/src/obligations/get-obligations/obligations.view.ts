import type { Fen } from '../../primitives/money';
/** One thing an entity owes a household: a dividend on a declaration, or the rent of one lease period. */
export interface ObligationItem {
  /**
   * The declaration (`dividend-…`), the lease (`lease-…`), the guaranteed stake (`entity-….s<n>`) or
   * a village collective's distribution (`distribution-…`, due on its declaredOn).
   */
  linkageId: string;
  kind: 'dividend' | 'rent' | 'guarantee' | 'distribution';
  /** The household owed; a village collective owed a dividend is named by `collectiveId` instead. */
  householdId?: string;
  collectiveId?: string;
  /** The declaration's period, or the rent period (`2018`, `2018-H2`, `2019-Q1`). */
  period: string;
  /** The declaration's `declaredOn`, or the rent period's due date as the lease's schedule gives it. */
  dueOn: string;
  dueFen: Fen;
  /** Paid and not reversed, as the ledger stood at `asOf`. */
  paidFen: Fen;
  outstandingFen: Fen;
  /** A guarantee item topped up beyond a shortfall a later declaration shrank. */
  overpaidFen?: Fen;
  /** A guarantee item's guarantor, and the project when the project's fiscal funds cover it. */
  guarantor?: 'entity' | 'project';
  projectId?: string;
}

export interface ObligationTotals {
  dueFen: Fen;
  paidFen: Fen;
  outstandingFen: Fen;
}

export type ObligationKind = ObligationItem['kind'];

/** The totals of an obligations list: over every item, and by kind (each kind present, 0 when none). */
export interface ObligationListTotals extends ObligationTotals {
  byKind: Record<ObligationKind, ObligationTotals>;
}

/** `GET /v1/entities/{id}/obligations`: the arrears list of one entity. */
export interface ObligationsView {
  entity: { id: string; name: string; kind: string; township: string; county: string };
  /** The instant the ledger is shown as it stood. */
  asOf: string;
  /** Items due on or before this date are listed. */
  dueBy: string;
  items: ObligationItem[];
  /** Over every item due, whichever page this is. */
  totals: ObligationListTotals;
  /** With `limit`: pass it as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}
