import type { Migration } from '@ledger/database';
import { appendCompareAndSetMigration } from './append-compare-and-set.migration';
import { appendToStreamsMigration } from './append-to-streams.migration';
import { eventStoreMigration } from './event-store.migration';

/** The event store's schema on PostgreSQL, in the order it was built. */
export const eventStoreMigrations: readonly Migration[] = [
  eventStoreMigration,
  appendToStreamsMigration,
  appendCompareAndSetMigration,
];
