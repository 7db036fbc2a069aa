import type { Migration } from '@ledger/database';
import { DIVIDEND_HOUSEHOLD_COLUMNS, PROJECT_FUND_SOURCES } from './statement.sql';

/**
 * One row per payment to a household (`statement_lines`), with everything its statement line shows:
 * the basis figures are composed when the payment is projected, from helper tables the earlier
 * events filled (declarations and what each household holds in them, lease, employment and order
 * terms, projects and their funds by source), so a statement is one indexed select. Reversals mark the line and keep
 * their own recorded_at, so a statement as of an earlier instant does not count them.
 */
export const statementMigration: Migration = {
  name: '0200-statement',
  up: `
    create table statement_households (
      household_id    text primary key,
      registration_no text not null,
      head_name       text not null,
      members         int  not null,
      village         text not null,
      township        text not null,
      county          text not null,
      status          text not null
    );
    create table statement_projects (
      project_id text primary key,
      name       text not null
    );
    create table statement_project_funds (
      event_id   text primary key,
      project_id text   not null,
      source     text   not null,
      amount_fen bigint not null
    );
    create index statement_project_funds_project on statement_project_funds (project_id);
    create table statement_declarations (
      declaration_id text primary key,
      entity_id      text   not null,
      entity_name    text   not null,
      period         text   not null,
      period_share   text   not null,
      pool_fen       bigint,
      total_shares   bigint not null
    );
    create table statement_allocations (
      declaration_id        text   not null,
      stake_id              text   not null,
      ord                   int    not null,
      household_id          text   not null,
      shares                bigint not null,
      guaranteed_yearly_fen bigint,
      project_id            text,
      source                text   not null,
      amount_fen            bigint not null,
      primary key (declaration_id, stake_id)
    );
    create index statement_allocations_household on statement_allocations (declaration_id, household_id);
    create table statement_leases (
      lease_id             text primary key,
      entity_id            text   not null,
      entity_name          text   not null,
      area_mu              text   not null,
      rent_per_mu_year_fen bigint not null
    );
    create table statement_employments (
      employment_id text primary key,
      entity_id     text   not null,
      entity_name   text   not null,
      wage_basis    text   not null,
      rate_fen      bigint not null
    );
    create table statement_orders (
      order_id    text primary key,
      entity_id   text not null,
      entity_name text not null
    );
    create table statement_lines (
      payment_id           text primary key,
      household_id         text        not null,
      paid_on              date        not null,
      amount_fen           bigint      not null,
      form                 text        not null,
      kind                 text        not null,
      entity_id            text        not null,
      entity_name          text        not null,
      linkage_id           text        not null,
      period               text        not null,
      delivered_on         date,
      basis                jsonb       not null,
      recorded_at          timestamptz not null,
      recorded_by          text,
      position             bigint      not null,
      reversal_id          text,
      reversal_reason      text,
      reversal_recorded_at timestamptz
    );
    create index statement_lines_household on statement_lines (household_id, paid_on);
  `,
};

/**
 * The bank's side of a line: a return (退回) keeps its own recorded_at, as a reversal does, so a
 * statement as of an earlier instant still counts the payment; a reissue links both lines.
 */
export const statementBankMigration: Migration = {
  name: '0230-statement-bank',
  up: `
    alter table statement_lines
      add column returned_on        date,
      add column return_reason      text,
      add column return_detail      text,
      add column return_recorded_at timestamptz,
      add column reissued_as        text,
      add column reissue_of         text;
  `,
};

/**
 * What household $2 holds in declaration $1, summed over its stakes once when the declaration is
 * projected (allocations never change afterwards), so that projecting each of the declaration's
 * payments is a key lookup instead of five aggregates over the allocations.
 */
export const statementDividendHouseholdsMigration: Migration = {
  name: '0201-statement-dividend-households',
  up: `
    create table statement_dividend_households (
      declaration_id        text   not null,
      household_id          text   not null,
      stake_ids             jsonb  not null,
      shares                bigint not null,
      guaranteed_yearly_fen bigint,
      allocated_fen         bigint not null,
      -- projects whose fiscal funds bought the household's stakes, in the order of its first such stake
      project_ids           text[] not null,
      primary key (declaration_id, household_id)
    );
    insert into statement_dividend_households
      select declaration_id, household_id, ${DIVIDEND_HOUSEHOLD_COLUMNS}
        from statement_allocations a group by declaration_id, household_id;
  `,
};

/** Each project's money by source, kept on the project so that a dividend line copies it instead of summing the funds. */
export const statementProjectFundSourcesMigration: Migration = {
  name: '0202-statement-project-fund-sources',
  up: `
    alter table statement_projects add column fund_sources jsonb not null default '[]';
    update statement_projects p set fund_sources = ${PROJECT_FUND_SOURCES};
  `,
};

/**
 * A declaration's allocations were kept only to sum them per household; the sums are now taken from
 * the event itself (DIVIDEND_HOUSEHOLDS), so the table and its two indexes are no longer written.
 */
export const statementAllocationsDroppedMigration: Migration = {
  name: '0203-statement-allocations-dropped',
  up: `drop table statement_allocations;`,
};

/**
 * The household's loans (扶贫小额信贷) for `holdings.loans`, and their repayments (principal only
 * matters: what is still owed), each with when it was recorded and reversed so that a statement as
 * of an earlier instant shows the loan as it stood. Repayments are not income: never lines.
 */
export const statementLoansMigration: Migration = {
  name: '0204-statement-loans',
  up: `
    create table statement_loans (
      loan_id      text primary key,
      household_id text        not null,
      lender       text        not null,
      contract_no  text,
      principal_fen bigint     not null,
      use          text        not null,
      entity_id    text,
      entity_name  text,
      disbursed_on date        not null,
      matures_on   date        not null,
      recorded_at  timestamptz not null
    );
    create index statement_loans_household on statement_loans (household_id);
    create table statement_loan_repayments (
      payment_id           text primary key,
      loan_id              text        not null,
      principal_fen        bigint      not null,
      recorded_at          timestamptz not null,
      reversal_recorded_at timestamptz
    );
    create index statement_loan_repayments_loan on statement_loan_repayments (loan_id);
  `,
};

/**
 * Statement v2: each line keeps its voucher number (凭证号). The events always carried it, the lines
 * did not, so the statement's read model is emptied with its checkpoint and rebuilt from the log when
 * the service starts (the runner replays it from the first event).
 */
export const statementReferencesMigration: Migration = {
  name: '0205-statement-references',
  up: `
    alter table statement_lines add column reference text;
    truncate statement_lines, statement_dividend_households, statement_declarations, statement_leases,
             statement_employments, statement_orders, statement_project_funds, statement_projects, statement_households,
             statement_loans, statement_loan_repayments;
    delete from projection_checkpoints where name = 'statement';
  `,
};
