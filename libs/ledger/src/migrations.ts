import type { Migration } from '@ledger/database';
import { idempotencyMigration } from './http/idempotency.migration';
import { projectionMigrations } from './all-projections';
import { statementIssuesMigration } from './statements/printable/statement-issues.migration';
import { householdKeysMigration } from './personal-data/household-keys';
import { importLoanLookupMigration, importsMigration } from './imports/import.migration';

/** The ledger's own tables (the event store's schema comes with the runtime). */
export const ledgerMigrations: readonly Migration[] = [
  idempotencyMigration,
  ...projectionMigrations,
  statementIssuesMigration,
  importsMigration,
  importLoanLookupMigration,
  householdKeysMigration,
];
