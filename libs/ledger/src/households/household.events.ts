import type { DomainEvent } from '../common/decider';

/** Poverty status of a registered household (建档立卡户): enrolled, exited poverty (脱贫), monitored (监测户). */
export type HouseholdStatus = 'enrolled' | 'exited' | 'monitored';

/** A poor household entered in the register, with its registration number (建档立卡编号). */
export type HouseholdRegistered = DomainEvent<
  'HouseholdRegistered',
  {
    householdId: string;
    registrationNo: string;
    headName: string;
    members: number;
    village: string;
    township: string;
    county: string;
    enrolledOn?: string;
  }
>;

/** The household's status changed as of a date, for a stated reason. */
export type HouseholdStatusChanged = DomainEvent<
  'HouseholdStatusChanged',
  { householdId: string; status: HouseholdStatus; effectiveOn: string; reason: string }
>;

/**
 * The household's personal data was erased (PIPL): its key is destroyed, so every personal field of
 * its events reads `[已删除]` from now on. `reason` is the admin's (a ticket, a request's date), not
 * the household's: it is not personal and stays readable, so say nothing in it that names anyone.
 */
export type HouseholdErased = DomainEvent<'HouseholdErased', { householdId: string; reason: string }>;

export type HouseholdEvent = HouseholdRegistered | HouseholdStatusChanged | HouseholdErased;
