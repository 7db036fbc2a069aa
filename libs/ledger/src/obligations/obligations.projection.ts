import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DistributionDeclared, DistributionPaid } from '../collectives/collective.events';
import type { DividendDeclared, DividendPaid } from '../dividends/dividend.events';
import type { LeaseEnded, LeaseSigned, RentPaid } from '../leases/lease.events';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { GuaranteeToppedUp, StakeAcquired, StakeEnded } from '../stakes/stake.events';
import { GUARANTEE_TABLES, guaranteeEndRows, guaranteeRows, guaranteedAllocationRows } from './guarantee-obligations';
import { handledTypes } from '../projections/ledger-event';
import { holderOf } from '../stakes/stake-holder';
import {
  eventOf,
  reissuedCopy,
  insertOnce,
  row,
  rowStatement,
  type Projection,
  type RowSql,
} from '../projections/projection';

/**
 * What an entity owes households, kept so it can be read as it stood at any instant (`asOf`):
 * every row carries the `recorded_at` of the event that put it there, a payment also that of its
 * reversal, and a lease keeps every version of its rent schedule (as signed, as recomputed when it
 * ended early), each with when it was recorded.
 */
export const obligationsMigration: Migration = {
  name: '0300-obligations',
  up: `
    create table obligation_dividends (
      declaration_id text   not null,
      household_id   text   not null,
      entity_id      text   not null,
      period         text   not null,
      due_on         text   not null,
      due_fen        bigint not null,
      recorded_at    timestamptz not null,
      primary key (declaration_id, household_id)
    );
    create index obligation_dividends_entity on obligation_dividends (entity_id, due_on);

    create table obligation_leases (
      lease_id     text primary key,
      entity_id    text not null,
      household_id text not null,
      recorded_at  timestamptz not null
    );
    create index obligation_leases_entity on obligation_leases (entity_id);

    create table obligation_rent_schedules (
      lease_id    text not null,
      version     int  not null,
      recorded_at timestamptz not null,
      primary key (lease_id, version)
    );

    create table obligation_rent_dues (
      lease_id text   not null,
      version  int    not null,
      period   text   not null,
      due_on   text   not null,
      due_fen  bigint not null,
      primary key (lease_id, version, period)
    );

    create table obligation_payments (
      payment_id   text primary key,
      linkage_id   text   not null,
      household_id text   not null,
      period       text,
      amount_fen   bigint not null,
      recorded_at  timestamptz not null,
      reversed_at  timestamptz
    );
    create index obligation_payments_linkage on obligation_payments (linkage_id, household_id);
  `,
};

/** A household's statement lists what it is still owed: its items are picked by household too. */
export const obligationsByHouseholdMigration: Migration = {
  name: '0301-obligations-by-household',
  up: `
    create index obligation_dividends_household on obligation_dividends (household_id, due_on);
    create index obligation_leases_household on obligation_leases (household_id);
  `,
};

/** The events the obligations are made of. */
export type ObligationEvent =
  | DividendDeclared
  | DividendPaid
  | DistributionDeclared
  | DistributionPaid
  | LeaseSigned
  | RentPaid
  | LeaseEnded
  | PaymentReversed
  | StakeAcquired
  | StakeEnded
  | GuaranteeToppedUp
  | PaymentBankEvent;

const OBLIGATION_EVENT_TYPES = handledTypes<ObligationEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'handles',
  StakeEnded: 'handles',
  GuaranteeToppedUp: 'handles',
  DividendDeclared: 'handles',
  DividendPaid: 'handles',
  DistributionDeclared: 'handles',
  DistributionPaid: 'handles',
  LeaseSigned: 'handles',
  RentPaid: 'handles',
  LeaseEnded: 'handles',
  EmploymentStarted: 'ignores',
  WagePaid: 'ignores',
  EmploymentEnded: 'ignores',
  OrderContracted: 'ignores',
  PurchasePaid: 'ignores',
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

/**
 * What each holder is owed on a declaration: its allocations summed over its stakes, in stake order.
 * A collective's dues are kept under its id in `household_id` (the payee column), as its payments are.
 */
export function householdDues(declared: DividendDeclared['data']): { householdId: string; dueFen: number }[] {
  const dues = new Map<string, number>();
  for (const a of declared.allocations) dues.set(holderOf(a), (dues.get(holderOf(a)) ?? 0) + a.amountFen);
  return [...dues].map(([householdId, dueFen]) => ({ householdId, dueFen }));
}

const DIVIDENDS = rowStatement({
  columns: {
    declaration_id: 'text',
    entity_id: 'text',
    period: 'text',
    due_on: 'text',
    recorded_at: 'timestamptz',
    dues: 'jsonb',
  },
  sql: `insert into obligation_dividends (declaration_id, household_id, entity_id, period, due_on, due_fen, recorded_at)
        select r.declaration_id, h."householdId", r.entity_id, r.period, r.due_on, h."dueFen", r.recorded_at
          from ROWS
          cross join lateral rows from (jsonb_to_recordset(r.dues) as ("householdId" text, "dueFen" bigint))
               with ordinality as h("householdId", "dueFen", n)
         order by r.ord, h.n
        on conflict do nothing`,
  writes: ['obligation_dividends'],
});

/** Payments of dividends (no period) and rents, one statement for both. */
const PAYMENTS = insertOnce('obligation_payments', 'payment_id', {
  payment_id: 'text',
  linkage_id: 'text',
  household_id: 'text',
  period: 'text',
  amount_fen: 'bigint',
  recorded_at: 'timestamptz',
});

const LEASES = insertOnce('obligation_leases', 'lease_id', {
  lease_id: 'text',
  entity_id: 'text',
  household_id: 'text',
  recorded_at: 'timestamptz',
});

const SCHEDULES = rowStatement({
  columns: { lease_id: 'text', version: 'int', recorded_at: 'timestamptz' },
  sql: `insert into obligation_rent_schedules (lease_id, version, recorded_at)
        select r.lease_id, r.version, r.recorded_at from ROWS order by r.ord
        on conflict do nothing`,
  writes: ['obligation_rent_schedules'],
});

const DUES = rowStatement({
  columns: { lease_id: 'text', version: 'int', dues: 'jsonb' },
  sql: `insert into obligation_rent_dues (lease_id, version, period, due_on, due_fen)
        select r.lease_id, r.version, d.period, d."dueOn", d."amountFen"
          from ROWS
          cross join lateral rows from (jsonb_to_recordset(r.dues) as (period text, "dueOn" text, "amountFen" bigint))
               with ordinality as d(period, "dueOn", "amountFen", n)
         order by r.ord, d.n
        on conflict do nothing`,
  writes: ['obligation_rent_dues'],
});

/** Only the first reversal of a payment counts (the write side refuses a second one anyway). */
const REVERSED = rowStatement({
  columns: { payment_id: 'text', reversed_at: 'timestamptz' },
  sql: `update obligation_payments p set reversed_at = v.reversed_at
          from (select distinct on (r.payment_id) r.payment_id, r.reversed_at from ROWS order by r.payment_id, r.ord) v
         where p.payment_id = v.payment_id and p.reversed_at is null`,
  reads: ['obligation_payments'],
  writes: ['obligation_payments'],
  keys: (r) => ({
    reads: [`obligation_payments:${String(r.payment_id)}`],
    writes: [`obligation_payments:${String(r.payment_id)}`],
  }),
});

const REISSUED = reissuedCopy('obligation_payments', ['linkage_id', 'household_id', 'period', 'amount_fen'], {
  recorded_at: 'timestamptz',
});

/** A lease's rent schedule as one version: its row, then its dues (from a JSON array). */
function scheduleVersion(leaseId: string, recorded: RecordedEvent, dues: LeaseSigned['data']['dues']): RowSql[] {
  return [
    row(SCHEDULES, leaseId, recorded.revision, recorded.recordedAt),
    row(DUES, leaseId, recorded.revision, JSON.stringify(dues)),
  ];
}

/**
 * The arrears list's read model (应付未付): dividends owed per household and declaration, rents per
 * lease and period, and the payments (and reversals) made against them.
 */
export const obligationsProjection: Projection = {
  name: 'obligations',
  handles: OBLIGATION_EVENT_TYPES,
  tables: [
    'obligation_dividends',
    'obligation_leases',
    'obligation_rent_schedules',
    'obligation_rent_dues',
    'obligation_payments',
    ...GUARANTEE_TABLES,
  ],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<ObligationEvent>(recorded, OBLIGATION_EVENT_TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'DividendDeclared': {
        const d = event.data;
        return [
          row(
            DIVIDENDS,
            d.declarationId,
            d.entityId,
            d.period,
            d.declaredOn,
            recorded.recordedAt,
            JSON.stringify(householdDues(d)),
          ),
          ...guaranteedAllocationRows(recorded, d),
        ];
      }
      case 'DividendPaid': {
        const d = event.data;
        return [row(PAYMENTS, d.paymentId, d.declarationId, holderOf(d), null, d.amountFen, recorded.recordedAt)];
      }
      case 'DistributionDeclared': {
        // The collective owes each household its part, due on declaredOn, kept as a declaration is.
        const d = event.data;
        const dues = d.allocations.map((a) => ({ householdId: a.householdId, dueFen: a.amountFen }));
        return [
          row(
            DIVIDENDS,
            d.distributionId,
            d.collectiveId,
            d.period,
            d.declaredOn,
            recorded.recordedAt,
            JSON.stringify(dues),
          ),
        ];
      }
      case 'DistributionPaid': {
        const d = event.data;
        return [row(PAYMENTS, d.paymentId, d.distributionId, d.householdId, null, d.amountFen, recorded.recordedAt)];
      }
      case 'LeaseSigned': {
        const d = event.data;
        return [
          row(LEASES, d.leaseId, d.entityId, d.householdId, recorded.recordedAt),
          ...scheduleVersion(d.leaseId, recorded, d.dues),
        ];
      }
      case 'LeaseEnded':
        // The recomputed schedule replaces the signed one from the instant it was recorded.
        return scheduleVersion(event.data.leaseId, recorded, event.data.dues);
      case 'RentPaid': {
        const d = event.data;
        return [row(PAYMENTS, d.paymentId, d.leaseId, d.householdId, d.period, d.amountFen, recorded.recordedAt)];
      }
      case 'StakeAcquired':
        return guaranteeRows(recorded, event.data);
      case 'StakeEnded':
        return guaranteeEndRows(recorded, event.data);
      case 'GuaranteeToppedUp': {
        // A top-up is a payment on the stake for one guarantee period.
        const d = event.data;
        return [row(PAYMENTS, d.paymentId, d.stakeId, d.householdId, d.period, d.amountFen, recorded.recordedAt)];
      }
      case 'PaymentReversed':
        // Reversals of wages and purchases match no row here.
        return [row(REVERSED, event.data.paymentId, recorded.recordedAt)];
      case 'PaymentReturned':
        // What the bank sent back is owed again, from the instant the return was recorded.
        return [row(REVERSED, event.data.paymentId, recorded.recordedAt)];
      case 'PaymentReissued':
        return [row(REISSUED, event.data.paymentId, event.data.reissueOf, recorded.recordedAt)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
