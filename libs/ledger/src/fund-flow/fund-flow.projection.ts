import type { Migration } from '@ledger/database';
import { erasedColumns } from '../personal-data/erased-rows';
import type { GuaranteeToppedUp } from '../stakes/stake.events';
import { FUND_FLOW_TOPUP_TABLES, topupReissuedRows, topupReversedRows, topupRows } from './fund-flow.topups';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendDeclared, DividendPaid } from '../dividends/dividend.events';
import type { EntityRegistered } from '../entities/entity.events';
import type { HouseholdErased, HouseholdRegistered } from '../households/household.events';
import type { LoanDisbursed, LoanInterestSubsidised, LoanRepaid } from '../loans/loan.events';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { ProjectFundsDisbursed, ProjectFundsReceived } from '../projects/project.events';
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

/**
 * Poverty micro-credit as the fund flow follows it: loans (a fund source of their own, the lender's),
 * the stakes that name them (the loan into the entity), and repayments and interest subsidies (back
 * out to the bank, and the subsidy to the household), each marked when reversed.
 */
export const fundFlowLoansMigration: Migration = {
  name: '0401-fund-flow-loans',
  up: `
    create table fund_flow_loans (
      loan_id            text primary key,
      household_id       text   not null,
      entity_id          text,
      lender             text   not null,
      principal_fen      bigint not null,
      annual_rate_bp     int    not null,
      subsidy_rate_bp    int,
      subsidy_project_id text,
      position           bigint not null
    );
    create index fund_flow_loans_subsidy_project on fund_flow_loans (subsidy_project_id);

    create table fund_flow_loan_stakes (
      stake_id      text primary key,
      loan_id       text   not null,
      entity_id     text   not null,
      principal_fen bigint not null
    );
    create index fund_flow_loan_stakes_loan on fund_flow_loan_stakes (loan_id);

    create table fund_flow_loan_payments (
      payment_id    text primary key,
      loan_id       text    not null,
      kind          text    not null check (kind in ('repayment', 'subsidy')),
      paid_by       text,
      principal_fen bigint  not null,
      interest_fen  bigint  not null,
      amount_fen    bigint  not null,
      reversed      boolean not null default false
    );
    create index fund_flow_loan_payments_loan on fund_flow_loan_payments (loan_id);
  `,
};

/** An erased household's head reads `[已删除]` in the flow's last column. */
const ERASED = erasedColumns('fund_flow_households', ['head_name']);

/** The events the fund flow is traced from. */
export type FundFlowEvent =
  | ProjectFundsReceived
  | ProjectFundsDisbursed
  | StakeAcquired
  | DividendDeclared
  | DividendPaid
  | PaymentReversed
  | PaymentBankEvent
  | EntityRegistered
  | HouseholdRegistered
  | HouseholdErased
  | LoanDisbursed
  | LoanRepaid
  | LoanInterestSubsidised
  | GuaranteeToppedUp;

const FUND_FLOW_EVENT_TYPES = handledTypes<FundFlowEvent>({
  HouseholdRegistered: 'handles',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'handles',
  EntityRegistered: 'handles',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'handles',
  ProjectFundsDisbursed: 'handles',
  StakeAcquired: 'handles',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'handles',
  DividendDeclared: 'handles',
  DividendPaid: 'handles',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'ignores',
  LeaseSigned: 'ignores',
  RentPaid: 'ignores',
  LeaseEnded: 'ignores',
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
  LoanDisbursed: 'handles',
  LoanRepaid: 'handles',
  LoanInterestSubsidised: 'handles',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

const FUNDS = insertOnce('fund_flow_funds', 'event_id', {
  event_id: 'text',
  project_id: 'text',
  source: 'text',
  amount_fen: 'bigint',
  position: 'bigint',
});

const DISBURSEMENTS = insertOnce('fund_flow_disbursements', 'event_id', {
  event_id: 'text',
  project_id: 'text',
  entity_id: 'text',
  entity_name: 'text',
  amount_fen: 'bigint',
  position: 'bigint',
});

const STAKES = insertOnce('fund_flow_stakes', 'stake_id', {
  stake_id: 'text',
  project_id: 'text',
  entity_id: 'text',
  household_id: 'text',
  principal_fen: 'bigint',
  position: 'bigint',
  transferred_from: 'text',
});

const DECLARATIONS = insertOnce('fund_flow_declarations', 'declaration_id', {
  declaration_id: 'text',
  entity_id: 'text',
  entity_name: 'text',
  period: 'text',
});

/** A declaration's allocations, from a JSON array per declaration, in declaration then allocation order. */
const ALLOCATIONS = rowStatement({
  columns: { declaration_id: 'text', allocations: 'jsonb' },
  sql: `insert into fund_flow_allocations (declaration_id, stake_id, household_id, amount_fen)
        select r.declaration_id, a."stakeId", coalesce(a."householdId", a."collectiveId"), a."amountFen"
          from ROWS
          cross join lateral rows from (jsonb_to_recordset(r.allocations) as ("stakeId" text, "householdId" text, "collectiveId" text, "amountFen" bigint))
               with ordinality as a("stakeId", "householdId", "collectiveId", "amountFen", n)
         order by r.ord, a.n
        on conflict do nothing`,
  writes: ['fund_flow_allocations'],
});

const PAYMENTS = insertOnce('fund_flow_payments', 'payment_id', {
  payment_id: 'text',
  declaration_id: 'text',
  household_id: 'text',
  amount_fen: 'bigint',
});

const REVERSED = rowStatement({
  columns: { payment_id: 'text' },
  sql: `update fund_flow_payments p set reversed = true where p.payment_id in (select r.payment_id from ROWS)`,
  reads: ['fund_flow_payments'],
  writes: ['fund_flow_payments'],
  keys: (r) => ({
    reads: [`fund_flow_payments:${String(r.payment_id)}`],
    writes: [`fund_flow_payments:${String(r.payment_id)}`],
  }),
});

const LOANS = insertOnce('fund_flow_loans', 'loan_id', {
  loan_id: 'text',
  household_id: 'text',
  entity_id: 'text',
  lender: 'text',
  principal_fen: 'bigint',
  annual_rate_bp: 'int',
  subsidy_rate_bp: 'int',
  subsidy_project_id: 'text',
  position: 'bigint',
});

const LOAN_STAKES = insertOnce('fund_flow_loan_stakes', 'stake_id', {
  stake_id: 'text',
  loan_id: 'text',
  entity_id: 'text',
  principal_fen: 'bigint',
});

const LOAN_PAYMENTS = insertOnce('fund_flow_loan_payments', 'payment_id', {
  payment_id: 'text',
  loan_id: 'text',
  kind: 'text',
  paid_by: 'text',
  principal_fen: 'bigint',
  interest_fen: 'bigint',
  amount_fen: 'bigint',
});

const LOAN_PAYMENT_REVERSED = rowStatement({
  columns: { payment_id: 'text' },
  sql: `update fund_flow_loan_payments p set reversed = true where p.payment_id in (select r.payment_id from ROWS)`,
  reads: ['fund_flow_loan_payments'],
  writes: ['fund_flow_loan_payments'],
  keys: (r) => ({
    reads: [`fund_flow_loan_payments:${String(r.payment_id)}`],
    writes: [`fund_flow_loan_payments:${String(r.payment_id)}`],
  }),
});

const REISSUED = reissuedCopy('fund_flow_payments', ['declaration_id', 'household_id', 'amount_fen']);

const LOAN_PAYMENT_REISSUED = reissuedCopy('fund_flow_loan_payments', [
  'loan_id',
  'kind',
  'paid_by',
  'principal_fen',
  'interest_fen',
  'amount_fen',
]);

const ENTITIES = insertOnce('fund_flow_entities', 'entity_id', { entity_id: 'text', name: 'text' });

const HOUSEHOLDS = insertOnce('fund_flow_households', 'household_id', { household_id: 'text', head_name: 'text' });

/** Fund source → project → entity → fiscal-fund stake → dividends paid to the household (资金流向). */
export const fundFlowProjection: Projection = {
  name: 'fund-flow',
  handles: FUND_FLOW_EVENT_TYPES,
  tables: [
    'fund_flow_funds',
    'fund_flow_disbursements',
    'fund_flow_stakes',
    'fund_flow_declarations',
    'fund_flow_allocations',
    'fund_flow_payments',
    'fund_flow_entities',
    'fund_flow_households',
    'fund_flow_loan_payments',
    'fund_flow_loan_stakes',
    'fund_flow_loans',
    ...FUND_FLOW_TOPUP_TABLES,
  ],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<FundFlowEvent>(recorded, FUND_FLOW_EVENT_TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'ProjectFundsReceived': {
        const d = event.data;
        return [row(FUNDS, recorded.id, d.projectId, d.source, d.amountFen, recorded.position)];
      }
      case 'ProjectFundsDisbursed': {
        const d = event.data;
        return [row(DISBURSEMENTS, recorded.id, d.projectId, d.entityId, d.entityName, d.amountFen, recorded.position)];
      }
      case 'StakeAcquired': {
        const d = event.data;
        // A loan invested in the entity (户贷企用): followed from the loan.
        if (d.loanId !== undefined) return [row(LOAN_STAKES, d.stakeId, d.loanId, d.entityId, d.principalFen)];
        // Only what a project's money bought: fiscal funds turned into shares (资金变股金).
        if (d.source !== 'fiscal_fund' || d.projectId === undefined) return [];
        return [
          row(
            STAKES,
            d.stakeId,
            d.projectId,
            d.entityId,
            holderOf(d),
            d.principalFen,
            recorded.position,
            d.transferredFrom ?? null,
          ),
        ];
      }
      case 'DividendDeclared': {
        const d = event.data;
        // Every allocation is kept, not only the fiscal ones: a payment to a household is attributed
        // over all its stakes in the declaration.
        return [
          row(DECLARATIONS, d.declarationId, d.entityId, d.entityName, d.period),
          row(ALLOCATIONS, d.declarationId, JSON.stringify(d.allocations)),
        ];
      }
      case 'DividendPaid': {
        const d = event.data;
        return [row(PAYMENTS, d.paymentId, d.declarationId, holderOf(d), d.amountFen)];
      }
      case 'PaymentReversed':
      case 'PaymentReturned':
        // Reversals of rents, wages and purchases match no row here. Money the bank sent back did not
        // reach the household: it leaves the flow as a reversal does.
        if (event.data.paymentId.startsWith('loan-')) return [row(LOAN_PAYMENT_REVERSED, event.data.paymentId)];
        if (event.data.paymentId.startsWith('entity-')) return topupReversedRows(event.data.paymentId);
        return [row(REVERSED, event.data.paymentId)];
      case 'PaymentReissued': {
        const { paymentId, reissueOf } = event.data;
        if (paymentId.startsWith('loan-')) return [row(LOAN_PAYMENT_REISSUED, paymentId, reissueOf)];
        if (paymentId.startsWith('entity-')) return topupReissuedRows(paymentId, reissueOf, recorded.position);
        return [row(REISSUED, paymentId, reissueOf)];
      }
      case 'LoanDisbursed': {
        const d = event.data;
        return [
          row(
            LOANS,
            d.loanId,
            d.householdId,
            d.entityId ?? null,
            d.lender,
            d.principalFen,
            d.annualRateBp,
            d.subsidy?.rateBp ?? null,
            d.subsidy?.payer === 'project' ? (d.subsidy.projectId ?? null) : null,
            recorded.position,
          ),
        ];
      }
      case 'LoanRepaid': {
        const d = event.data;
        return [
          row(
            LOAN_PAYMENTS,
            d.paymentId,
            d.loanId,
            'repayment',
            d.paidBy,
            d.principalFen,
            d.interestFen,
            d.principalFen + d.interestFen,
          ),
        ];
      }
      case 'LoanInterestSubsidised': {
        const d = event.data;
        return [row(LOAN_PAYMENTS, d.paymentId, d.loanId, 'subsidy', null, 0, 0, d.amountFen)];
      }
      case 'EntityRegistered':
        return [row(ENTITIES, event.data.entityId, event.data.name)];
      case 'HouseholdRegistered':
        return [row(HOUSEHOLDS, event.data.householdId, event.data.headName)];
      case 'GuaranteeToppedUp':
        return topupRows(recorded.position, event.data);
      case 'HouseholdErased':
        return [row(ERASED, event.data.householdId)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
