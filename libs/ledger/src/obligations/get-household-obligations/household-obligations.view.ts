import type { ObligationItem, ObligationListTotals } from '../get-obligations/obligations.view';

/** An item of a household's obligations names the entity that owes it and the household. */
export type HouseholdObligationItem = ObligationItem & {
  entity: { id: string; name: string };
  household: { id: string; headName: string };
};

/** `GET /v1/households/{id}/obligations`: what every entity owes one household (its phone page). */
export interface HouseholdObligationsView {
  household: { id: string; headName: string; township: string };
  asOf: string;
  dueBy: string;
  items: HouseholdObligationItem[];
  totals: ObligationListTotals;
  nextCursor?: string;
}
