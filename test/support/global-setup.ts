import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../libs/database/src/embedded-database';

declare global {
  var __LEDGER_TEST_DB__: EmbeddedDatabase | undefined;
}

/**
 * Starts one throwaway embedded PostgreSQL for the whole test run, unless DATABASE_URL points at a
 * server already. Workers inherit TEST_DATABASE_URL and create a database per test file on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-test-'));
  const db = await startEmbeddedDatabase({
    dataDir,
    // A throwaway cluster: durability buys nothing here, speed does.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
    // stopped with the run, also by a Ctrl-C
    ownProcessGroup: false,
  });
  globalThis.__LEDGER_TEST_DB__ = db;
  process.env.TEST_DATABASE_URL = db.url;
  process.env.TEST_EMBEDDED_DATA_DIR = dataDir;
}
