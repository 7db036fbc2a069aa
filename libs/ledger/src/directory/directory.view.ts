import type { WageBasis } from '../employment/employment.events';
import type { RentSchedule } from '../primitives/rent';
import type { Fen } from '../primitives/money';

/* The console's directory lists as the API answers them. Types only: the web console compiles against this file. */

/** An entity (经营主体) in `GET /v1/entities`. */
export interface EntityListItem {
  id: string;
  name: string;
  kind: string;
  creditCode?: string;
  township: string;
  county: string;
}

/** A project in `GET /v1/projects`. */
export interface ProjectListItem {
  id: string;
  name: string;
  industry: string;
  county: string;
  operatorId?: string;
  /** Its assistance model (帮扶模式), when recorded. */
  assistanceModel?: string;
}

/**
 * The few terms a payment form needs to offer a linkage (the terms that rule a payment stay in the
 * linkage's own stream): an employment's worker, wage basis and rate; a lease's area, rent and
 * schedule; an order's product, unit and price; a dividend's period, declaration date and allocation.
 */
export interface LinkageTerms {
  workerName?: string;
  wageBasis?: WageBasis;
  rateFen?: Fen;
  /** Decimal string, e.g. `"3.5"`. */
  areaMu?: string;
  rentPerMuYearFen?: Fen;
  schedule?: RentSchedule;
  product?: string;
  unit?: string;
  priceFen?: Fen;
  period?: string;
  declaredOn?: string;
  allocatedFen?: Fen;
}

/** One linkage a household is party to, with what a payment form needs to offer it. */
export interface HouseholdLinkage {
  linkageId: string;
  kind: 'employment' | 'lease' | 'order' | 'dividend';
  entity: { id: string; name: string };
  startsOn?: string;
  endsOn?: string;
  terms: LinkageTerms;
}

/** `GET /v1/households/{id}/linkages`. */
export interface HouseholdLinkages {
  householdId: string;
  items: HouseholdLinkage[];
}
