import type { HouseholdStatus } from '../household.events';
import type { Fen } from '../../primitives/money';

/*
 * Households as the API shows them. Types only, importing only types: the web console compiles
 * against this file, so it must stay free of Node and Nest.
 */

/** A household as lists and statements show it (`GET /v1/households`, a statement's `household`). */
export interface HouseholdSummary {
  id: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  status: HouseholdStatus;
}

/** A household as the register lists it: with what it has received (its statement's total). */
export interface HouseholdListItem extends HouseholdSummary {
  /** Every payment it received, neither reversed nor returned, as its statement totals them. */
  receivedFen: Fen;
}

/** A household as `GET /v1/households/{id}` shows it, with its status history. */
export interface HouseholdView extends HouseholdSummary {
  enrolledOn?: string;
  statusHistory: { status: HouseholdStatus; effectiveOn: string; reason: string }[];
  /** True once its personal data is erased (PIPL): its names then read `[已删除]`. */
  erased?: boolean;
  /** Ledger position the view was read at. */
  position: number;
}
