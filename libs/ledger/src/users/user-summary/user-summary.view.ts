/* The users' count as the API answers it. Types only: the web console compiles against this file. */

/** How many users the ledger has, by role. */
export interface UserSummary {
  total: number;
  byRole: { admin: number; clerk: number; auditor: number; household: number };
  position: number;
}
