import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DistributionDeclared, DistributionPaid } from '../collectives/collective.events';
import type { DividendPaid } from '../dividends/dividend.events';
import { parsePeriod, periodFirstDay, periodLastDay } from '../primitives/period';
import type { EmploymentEnded, EmploymentStarted, WagePaid } from '../employment/employment.events';
import type { HouseholdRegistered } from '../households/household.events';
import type { LeaseEnded, LeaseSigned, RentPaid } from '../leases/lease.events';
import type { OrderContracted, PurchasePaid } from '../orders/order.events';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import { handledTypes } from '../projections/ledger-event';
import { eventOf, reissuedCopy, insertOnce, lastWins, row, rowStatement, type Projection, type RowSql } from '../projections/projection';
import type { StakeAcquired, StakeEnded } from '../stakes/stake.events';

export const coverageMigration: Migration = {
  name: '0500-coverage',
  up: `
    create table coverage_households (
      household_id text primary key,
      county       text not null,
      township     text not null,
      village      text not null
    );
    create index coverage_households_place on coverage_households (county, township, village);
    -- Every linkage of a household with its term; "active on a date" is decided at query time.
    create table coverage_linkages (
      linkage_id   text primary key,
      household_id text not null,
      form         text not null check (form in ('equity', 'lease', 'labour', 'order')),
      starts_on    date not null,
      ends_on      date
    );
    create index coverage_linkages_household on coverage_linkages (household_id);
    create table coverage_payments (
      payment_id   text primary key,
      household_id text not null,
      form         text not null,
      paid_on      date not null,
      amount_fen   bigint not null,
      reversed     boolean not null default false
    );
    create index coverage_payments_household on coverage_payments (household_id, paid_on);
  `,
};

/** A household on a collective's distribution (二次分配) is covered through the collective. */
export const coverageCollectiveMigration: Migration = {
  name: '0961-collective-coverage-form',
  up: `
    alter table coverage_linkages drop constraint coverage_linkages_form_check;
    alter table coverage_linkages
      add constraint coverage_linkages_form_check check (form in ('equity', 'lease', 'labour', 'order', 'collective'));
  `,
};

type CoverageEvent =
  | HouseholdRegistered
  | DistributionDeclared
  | DistributionPaid
  | StakeAcquired
  | StakeEnded
  | LeaseSigned
  | LeaseEnded
  | EmploymentStarted
  | EmploymentEnded
  | OrderContracted
  | DividendPaid
  | RentPaid
  | WagePaid
  | PurchasePaid
  | PaymentReversed
  | PaymentBankEvent;

const TYPES = handledTypes<CoverageEvent>({
  HouseholdRegistered: 'handles',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'handles',
  StakeEnded: 'handles',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'ignores',
  DividendPaid: 'handles',
  DistributionDeclared: 'handles',
  DistributionPaid: 'handles',
  LeaseSigned: 'handles',
  RentPaid: 'handles',
  LeaseEnded: 'handles',
  EmploymentStarted: 'handles',
  WagePaid: 'handles',
  EmploymentEnded: 'handles',
  OrderContracted: 'handles',
  PurchasePaid: 'handles',
  PaymentReversed: 'handles',
  PaymentReturned: 'handles',
  PaymentReissued: 'handles',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

const HOUSEHOLDS = insertOnce('coverage_households', 'household_id', { household_id: 'text', county: 'text', township: 'text', village: 'text' });

const LINKAGES = insertOnce('coverage_linkages', 'linkage_id', {
  linkage_id: 'text',
  household_id: 'text',
  form: 'text',
  starts_on: 'date',
  ends_on: 'date',
});

/** A linkage's end: the last one recorded wins, as it would one by one. */
const ENDED = lastWins('coverage_linkages', 'linkage_id', { linkage_id: 'text', ends_on: 'date' });

const PAYMENTS = insertOnce('coverage_payments', 'payment_id', {
  payment_id: 'text',
  household_id: 'text',
  form: 'text',
  paid_on: 'date',
  amount_fen: 'bigint',
});

const REVERSED = rowStatement({
  columns: { payment_id: 'text' },
  sql: `update coverage_payments p set reversed = true where p.payment_id in (select r.payment_id from ROWS)`,
  reads: ['coverage_payments'],
  writes: ['coverage_payments'],
  keys: (r) => ({ reads: [`coverage_payments:${String(r.payment_id)}`], writes: [`coverage_payments:${String(r.payment_id)}`] }),
});

const REISSUED = reissuedCopy('coverage_payments', ['household_id', 'form', 'amount_fen'], { paid_on: 'date' });

const linkage = (id: string, householdId: string, form: string, startsOn: string, endsOn: string | null): RowSql =>
  row(LINKAGES, id, householdId, form, startsOn, endsOn);

const ended = (id: string, endsOn: string): RowSql => row(ENDED, id, endsOn);

const payment = (paymentId: string, householdId: string, form: string, paidOn: string, amountFen: number): RowSql =>
  row(PAYMENTS, paymentId, householdId, form, paidOn, amountFen);

/**
 * "Every poor household covered": households by place, their linkages with terms, and what they
 * were paid, so coverage can be counted for any date and year.
 */
export const coverageProjection: Projection = {
  name: 'coverage',
  handles: TYPES,
  tables: ['coverage_payments', 'coverage_linkages', 'coverage_households'],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<CoverageEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'HouseholdRegistered':
        return [row(HOUSEHOLDS, event.data.householdId, event.data.county, event.data.township, event.data.village)];
      case 'StakeAcquired':
        // A collective's stake covers no household by itself; its distributions do (form collective).
        if (event.data.householdId === undefined) return [];
        return [linkage(event.data.stakeId, event.data.householdId, 'equity', event.data.startsOn, event.data.endsOn ?? null)];
      case 'StakeEnded':
        return [ended(event.data.stakeId, event.data.endsOn)];
      case 'LeaseSigned':
        return [linkage(event.data.leaseId, event.data.householdId, 'lease', event.data.startsOn, event.data.endsOn)];
      case 'LeaseEnded':
        return [ended(event.data.leaseId, event.data.endsOn)];
      case 'EmploymentStarted':
        return [linkage(event.data.employmentId, event.data.householdId, 'labour', event.data.startsOn, null)];
      case 'EmploymentEnded':
        return [ended(event.data.employmentId, event.data.endsOn)];
      case 'OrderContracted':
        return [linkage(event.data.orderId, event.data.householdId, 'order', event.data.startsOn, event.data.endsOn)];
      case 'DividendPaid':
        if (event.data.householdId === undefined) return [];
        return [payment(event.data.paymentId, event.data.householdId, 'equity', event.data.paidOn, event.data.amountFen)];
      case 'DistributionDeclared': {
        // Each household listed is linked to the collective over the distribution's period (through
        // its declaredOn, when declared after the period).
        const d = event.data;
        const parsed = parsePeriod(d.period);
        if (!parsed.ok) return [];
        const startsOn = periodFirstDay(parsed.period);
        const last = periodLastDay(parsed.period);
        const endsOn = d.declaredOn > last ? d.declaredOn : last;
        return d.allocations.map((a) =>
          linkage(`${d.distributionId}:${a.householdId}`, a.householdId, 'collective', startsOn, endsOn),
        );
      }
      case 'DistributionPaid':
        return [payment(event.data.paymentId, event.data.householdId, 'collective', event.data.paidOn, event.data.amountFen)];
      case 'RentPaid':
        return [payment(event.data.paymentId, event.data.householdId, 'lease', event.data.paidOn, event.data.amountFen)];
      case 'WagePaid':
        return [payment(event.data.paymentId, event.data.householdId, 'labour', event.data.paidOn, event.data.amountFen)];
      case 'PurchasePaid':
        return [payment(event.data.paymentId, event.data.householdId, 'order', event.data.paidOn, event.data.amountFen)];
      case 'PaymentReversed':
        return [row(REVERSED, event.data.paymentId)];
      case 'PaymentReturned':
        // Money the bank sent back was not received: it counts no more than a reversed payment.
        return [row(REVERSED, event.data.paymentId)];
      case 'PaymentReissued':
        return [row(REISSUED, event.data.paymentId, event.data.reissueOf, event.data.paidOn)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
