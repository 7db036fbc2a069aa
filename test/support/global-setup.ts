import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../libs/database/src/embedded-database';

declare global {
  var __LEDGER_TEST_DBS__: EmbeddedDatabase[] | undefined;
}

/**
 * Starts one throwaway embedded PostgreSQL for the whole run, unless DATABASE_URL points at a server
 * already; each test file creates its own database on it (test-database.ts). One server is enough
 * because the event store bounds what a reader sees by its own database's transactions, not the
 * cluster's (per-database-visibility.int-spec.ts): a long transaction in one test's database does not
 * hold back another test's projections.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const db = await startEmbeddedDatabase({
    dataDir: await mkdtemp(join(tmpdir(), 'ledger-test-')),
    // A throwaway cluster: durability buys nothing here, speed does.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
    // stopped with the run, also by a Ctrl-C
    ownProcessGroup: false,
  });
  globalThis.__LEDGER_TEST_DBS__ = [db];
  process.env.TEST_DATABASE_URL = db.url;
}
