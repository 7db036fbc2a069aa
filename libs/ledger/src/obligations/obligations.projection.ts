import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared, DividendPaid } from '../dividends/dividend.events';
import type { LeaseEnded, LeaseSigned, RentPaid } from '../leases/lease.events';
import type { PaymentReversed } from '../payments/payment';
import { eventOf, type Projection, type Sql } from '../projections/projection';

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

/** The events the obligations are made of. */
export type ObligationEvent = DividendDeclared | DividendPaid | LeaseSigned | RentPaid | LeaseEnded | PaymentReversed;

const OBLIGATION_EVENT_TYPES: readonly ObligationEvent['type'][] = [
  'DividendDeclared',
  'DividendPaid',
  'LeaseSigned',
  'RentPaid',
  'LeaseEnded',
  'PaymentReversed',
];

/** What each household is owed on a declaration: its allocations summed over its stakes, in stake order. */
export function householdDues(declared: DividendDeclared['data']): { householdId: string; dueFen: number }[] {
  const dues = new Map<string, number>();
  for (const a of declared.allocations) dues.set(a.householdId, (dues.get(a.householdId) ?? 0) + a.amountFen);
  return [...dues].map(([householdId, dueFen]) => ({ householdId, dueFen }));
}

/** A lease's rent schedule as one version: its row, then its dues (from a JSON array, one statement). */
function scheduleVersion(leaseId: string, recorded: RecordedEvent, dues: LeaseSigned['data']['dues']): Sql[] {
  return [
    {
      text: `insert into obligation_rent_schedules (lease_id, version, recorded_at) values ($1, $2, $3)
             on conflict do nothing`,
      values: [leaseId, recorded.revision, recorded.recordedAt],
    },
    {
      text: `insert into obligation_rent_dues (lease_id, version, period, due_on, due_fen)
             select $1, $2, d.period, d."dueOn", d."amountFen"
               from jsonb_to_recordset($3::jsonb) as d(period text, "dueOn" text, "amountFen" bigint)
             on conflict do nothing`,
      values: [leaseId, recorded.revision, JSON.stringify(dues)],
    },
  ];
}

/**
 * The arrears list's read model (应付未付): dividends owed per household and declaration, rents per
 * lease and period, and the payments (and reversals) made against them.
 */
export const obligationsProjection: Projection = {
  name: 'obligations',
  tables: [
    'obligation_dividends',
    'obligation_leases',
    'obligation_rent_schedules',
    'obligation_rent_dues',
    'obligation_payments',
  ],
  apply(recorded: RecordedEvent): Sql[] {
    const event = eventOf<ObligationEvent>(recorded, OBLIGATION_EVENT_TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'DividendDeclared': {
        const d = event.data;
        return [
          {
            text: `insert into obligation_dividends (declaration_id, household_id, entity_id, period, due_on, due_fen, recorded_at)
                   select $1, h."householdId", $2, $3, $4, h."dueFen", $5
                     from jsonb_to_recordset($6::jsonb) as h("householdId" text, "dueFen" bigint)
                   on conflict do nothing`,
            values: [
              d.declarationId,
              d.entityId,
              d.period,
              d.declaredOn,
              recorded.recordedAt,
              JSON.stringify(householdDues(d)),
            ],
          },
        ];
      }
      case 'DividendPaid': {
        const d = event.data;
        return [
          {
            text: `insert into obligation_payments (payment_id, linkage_id, household_id, period, amount_fen, recorded_at)
                   values ($1, $2, $3, null, $4, $5) on conflict do nothing`,
            values: [d.paymentId, d.declarationId, d.householdId, d.amountFen, recorded.recordedAt],
          },
        ];
      }
      case 'LeaseSigned': {
        const d = event.data;
        return [
          {
            text: `insert into obligation_leases (lease_id, entity_id, household_id, recorded_at)
                   values ($1, $2, $3, $4) on conflict do nothing`,
            values: [d.leaseId, d.entityId, d.householdId, recorded.recordedAt],
          },
          ...scheduleVersion(d.leaseId, recorded, d.dues),
        ];
      }
      case 'LeaseEnded':
        // The recomputed schedule replaces the signed one from the instant it was recorded.
        return scheduleVersion(event.data.leaseId, recorded, event.data.dues);
      case 'RentPaid': {
        const d = event.data;
        return [
          {
            text: `insert into obligation_payments (payment_id, linkage_id, household_id, period, amount_fen, recorded_at)
                   values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
            values: [d.paymentId, d.leaseId, d.householdId, d.period, d.amountFen, recorded.recordedAt],
          },
        ];
      }
      case 'PaymentReversed':
        // Only the first reversal counts (the write side refuses a second one anyway). Reversals of
        // wages and purchases match no row here.
        return [
          {
            text: 'update obligation_payments set reversed_at = $2 where payment_id = $1 and reversed_at is null',
            values: [event.data.paymentId, recorded.recordedAt],
          },
        ];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
