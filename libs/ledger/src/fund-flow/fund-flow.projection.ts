import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared, DividendPaid } from '../dividends/dividend.events';
import type { EntityRegistered } from '../entities/entity.events';
import type { HouseholdRegistered } from '../households/household.events';
import type { PaymentReversed } from '../payments/payment';
import type { ProjectFundsDisbursed, ProjectFundsReceived } from '../projects/project.events';
import { eventOf, type Projection, type Sql } from '../projections/projection';
import type { StakeAcquired } from '../stakes/stake.events';

/**
 * The fund flow's tables: money into projects by source, out to entities, into fiscal-fund stakes,
 * and dividends allocated and paid on declarations, with the names an auditor reads them by.
 * Receipts and disbursements are keyed by their event id (older events have no fund or
 * disbursement id), so every one is counted once.
 */
export const fundFlowMigration: Migration = {
  name: '0400-fund-flow',
  up: `
    create table fund_flow_funds (
      event_id   text primary key,
      project_id text   not null,
      source     text   not null,
      amount_fen bigint not null,
      position   bigint not null
    );
    create index fund_flow_funds_project on fund_flow_funds (project_id);

    create table fund_flow_disbursements (
      event_id    text primary key,
      project_id  text   not null,
      entity_id   text   not null,
      entity_name text   not null,
      amount_fen  bigint not null,
      position    bigint not null
    );
    create index fund_flow_disbursements_project on fund_flow_disbursements (project_id);

    create table fund_flow_stakes (
      stake_id      text primary key,
      project_id    text   not null,
      entity_id     text   not null,
      household_id  text   not null,
      principal_fen bigint not null,
      position      bigint not null
    );
    create index fund_flow_stakes_project on fund_flow_stakes (project_id);

    create table fund_flow_declarations (
      declaration_id text primary key,
      entity_id      text not null,
      entity_name    text not null,
      period         text not null
    );

    create table fund_flow_allocations (
      declaration_id text   not null,
      stake_id       text   not null,
      household_id   text   not null,
      amount_fen     bigint not null,
      primary key (declaration_id, stake_id)
    );
    create index fund_flow_allocations_stake on fund_flow_allocations (stake_id);
    create index fund_flow_allocations_household on fund_flow_allocations (declaration_id, household_id);

    create table fund_flow_payments (
      payment_id     text primary key,
      declaration_id text    not null,
      household_id   text    not null,
      amount_fen     bigint  not null,
      reversed       boolean not null default false
    );
    create index fund_flow_payments_household on fund_flow_payments (declaration_id, household_id);

    create table fund_flow_entities (
      entity_id text primary key,
      name      text not null
    );

    create table fund_flow_households (
      household_id text primary key,
      head_name    text not null
    );
  `,
};

/** The events the fund flow is traced from. */
export type FundFlowEvent =
  | ProjectFundsReceived
  | ProjectFundsDisbursed
  | StakeAcquired
  | DividendDeclared
  | DividendPaid
  | PaymentReversed
  | EntityRegistered
  | HouseholdRegistered;

const FUND_FLOW_EVENT_TYPES: readonly FundFlowEvent['type'][] = [
  'ProjectFundsReceived',
  'ProjectFundsDisbursed',
  'StakeAcquired',
  'DividendDeclared',
  'DividendPaid',
  'PaymentReversed',
  'EntityRegistered',
  'HouseholdRegistered',
];

/** Fund source → project → entity → fiscal-fund stake → dividends paid to the household (资金流向). */
export const fundFlowProjection: Projection = {
  name: 'fund-flow',
  tables: [
    'fund_flow_funds',
    'fund_flow_disbursements',
    'fund_flow_stakes',
    'fund_flow_declarations',
    'fund_flow_allocations',
    'fund_flow_payments',
    'fund_flow_entities',
    'fund_flow_households',
  ],
  apply(recorded: RecordedEvent): Sql[] {
    const event = eventOf<FundFlowEvent>(recorded, FUND_FLOW_EVENT_TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'ProjectFundsReceived': {
        const d = event.data;
        return [
          {
            text: `insert into fund_flow_funds (event_id, project_id, source, amount_fen, position)
                   values ($1, $2, $3, $4, $5) on conflict do nothing`,
            values: [recorded.id, d.projectId, d.source, d.amountFen, recorded.position],
          },
        ];
      }
      case 'ProjectFundsDisbursed': {
        const d = event.data;
        return [
          {
            text: `insert into fund_flow_disbursements (event_id, project_id, entity_id, entity_name, amount_fen, position)
                   values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
            values: [recorded.id, d.projectId, d.entityId, d.entityName, d.amountFen, recorded.position],
          },
        ];
      }
      case 'StakeAcquired': {
        const d = event.data;
        // Only what a project's money bought: fiscal funds turned into shares (资金变股金).
        if (d.source !== 'fiscal_fund' || d.projectId === undefined) return [];
        return [
          {
            text: `insert into fund_flow_stakes (stake_id, project_id, entity_id, household_id, principal_fen, position)
                   values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
            values: [d.stakeId, d.projectId, d.entityId, d.householdId, d.principalFen, recorded.position],
          },
        ];
      }
      case 'DividendDeclared': {
        const d = event.data;
        // Every allocation is kept, not only the fiscal ones: a payment to a household is attributed
        // over all its stakes in the declaration.
        return [
          {
            text: `insert into fund_flow_declarations (declaration_id, entity_id, entity_name, period)
                   values ($1, $2, $3, $4) on conflict do nothing`,
            values: [d.declarationId, d.entityId, d.entityName, d.period],
          },
          {
            text: `insert into fund_flow_allocations (declaration_id, stake_id, household_id, amount_fen)
                   select $1, a."stakeId", a."householdId", a."amountFen"
                     from jsonb_to_recordset($2::jsonb) as a("stakeId" text, "householdId" text, "amountFen" bigint)
                   on conflict do nothing`,
            values: [d.declarationId, JSON.stringify(d.allocations)],
          },
        ];
      }
      case 'DividendPaid': {
        const d = event.data;
        return [
          {
            text: `insert into fund_flow_payments (payment_id, declaration_id, household_id, amount_fen)
                   values ($1, $2, $3, $4) on conflict do nothing`,
            values: [d.paymentId, d.declarationId, d.householdId, d.amountFen],
          },
        ];
      }
      case 'PaymentReversed':
        // Reversals of rents, wages and purchases match no row here.
        return [
          {
            text: 'update fund_flow_payments set reversed = true where payment_id = $1',
            values: [event.data.paymentId],
          },
        ];
      case 'EntityRegistered':
        return [
          {
            text: 'insert into fund_flow_entities (entity_id, name) values ($1, $2) on conflict do nothing',
            values: [event.data.entityId, event.data.name],
          },
        ];
      case 'HouseholdRegistered':
        return [
          {
            text: 'insert into fund_flow_households (household_id, head_name) values ($1, $2) on conflict do nothing',
            values: [event.data.householdId, event.data.headName],
          },
        ];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
