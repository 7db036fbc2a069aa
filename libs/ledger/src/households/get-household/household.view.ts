import type { HouseholdStatus } from '../household.events';

/** A household as the API shows it. */
export interface HouseholdView {
  id: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  enrolledOn?: string;
  status: HouseholdStatus;
  statusHistory: { status: HouseholdStatus; effectiveOn: string; reason: string }[];
  /** Ledger position the view was read at. */
  position: number;
}
