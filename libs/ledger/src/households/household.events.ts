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

export type HouseholdEvent = HouseholdRegistered | HouseholdStatusChanged;
