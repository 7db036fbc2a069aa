import type { Migration } from '@ledger/database';

/**
 * The record of printed clarity cards: one row per card, found by the verification code printed
 * on it (see statement-codes.ts). Not a projection: written when a card is printed, never rebuilt.
 */
export const statementIssuesMigration: Migration = {
  name: '0600-statement-issues',
  up: `
    create table statement_issues (
      code          text primary key,
      household_id  text not null,
      from_date     date,
      to_date       date,
      as_of         timestamptz not null,
      position      bigint not null,
      total_fen     bigint not null,
      lines         int not null,
      digest        text not null,
      issued_at     timestamptz not null,
      issued_by     text not null
    );
    create index statement_issues_household on statement_issues (household_id, issued_at);
  `,
};
