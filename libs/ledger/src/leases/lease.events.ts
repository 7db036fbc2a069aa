import type { DomainEvent } from '../common/decider';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { RentSchedule } from '../primitives/rent';

/**
 * One rent falling due under a lease: the schedule's period (`2018`, `2018-H2`, `2019-Q1`), the day it
 * falls due (the period's first day, or the lease's start if later), the share of a year charged (`1`,
 * `1/2`, `3/4` for a year only partly inside the term) and the rent in fen (area × rent per mu per year
 * × share, rounded half-up).
 */
export interface LeaseDue {
  period: string;
  dueOn: string;
  share: string;
  amountFen: number;
}

/**
 * A household leased land to an operating entity (土地流转 / 租赁联结): so many mu, at a rent per mu per
 * year, for a term, with rent falling due yearly, half-yearly or quarterly. `dues` is the whole rent
 * schedule the term gives, computed when the lease was signed.
 */
export type LeaseSigned = DomainEvent<
  'LeaseSigned',
  {
    leaseId: string;
    entityId: string;
    /** The entity's name as registered when the lease was signed (for statements). */
    entityName: string;
    householdId: string;
    /** The household's township: clerks of that township record this lease's rents. */
    township: string;
    /** Leased area in mu with two decimals: `"2.50"`. */
    areaMu: string;
    rentPerMuYearFen: number;
    startsOn: string;
    /** Last day of the term as signed (inclusive). */
    endsOn: string;
    schedule: RentSchedule;
    dues: LeaseDue[];
  }
>;

/**
 * The entity paid the household (part of) the rent of one period of the schedule. Carries the basis of
 * the rent (entity, share of a year, rent due for the period when paid) so a statement can explain it.
 */
export type RentPaid = DomainEvent<
  'RentPaid',
  {
    leaseId: string;
    /** `<leaseId>.p<n>`: what reversals and statement lines refer to. */
    paymentId: string;
    entityId: string;
    householdId: string;
    period: string;
    amountFen: number;
    paidOn: string;
    /** The voucher or bank reference the clerk recorded (凭证号). */
    reference?: string;
    /** The period's share of a year charged, as in the schedule when paid (`"1/2"`). */
    share: string;
    /** The rent due for the period when paid, before any payment. */
    dueFen: number;
  }
>;

/**
 * The lease ended early on `endsOn` (the new last day of the term, inclusive), for a stated reason.
 * `dues` is the schedule recomputed for the shortened term, replacing the one signed.
 */
export type LeaseEnded = DomainEvent<
  'LeaseEnded',
  { leaseId: string; endsOn: string; reason: string; dues: LeaseDue[] }
>;

/** Everything recorded in a lease's stream, including the shared reversal of a rent payment. */
export type LeaseEvent = LeaseSigned | RentPaid | LeaseEnded | PaymentReversed | PaymentBankEvent;
