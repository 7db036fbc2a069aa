import type { HouseholdStatus } from '../household.events';

/* A household in `GET /v1/households`. Types only: the web console compiles against this file. */

export interface HouseholdListItem {
  id: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  status: HouseholdStatus;
}
