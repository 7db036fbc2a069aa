import type { Migration } from '@ledger/database';
import { idempotencyMigration } from './http/idempotency.migration';

/** The ledger's own tables (the event store's schema comes with the runtime). */
export const ledgerMigrations: readonly Migration[] = [idempotencyMigration];
