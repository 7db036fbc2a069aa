import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../libs/database/src/embedded-database';
import { copyPristineDataDir, makePristineDataDir, PRISTINE_ENV } from './pristine-cluster';

declare global {
  var __LEDGER_TEST_DB__: EmbeddedDatabase | undefined;
  var __LEDGER_TEST_PRISTINE__: { dataDir: string; clusterDir: string } | undefined;
}

/**
 * Starts one throwaway embedded PostgreSQL for the run, unless DATABASE_URL points at a server
 * already; each test file creates its own database on it (a copy of a migrated template). Readers of
 * one database's log are not held back by another's transactions where the event store can prove
 * them another database's (per-database-visibility.int-spec.ts); where it cannot, for a moment, a
 * catch-up waits for the log's head (the last event committed) rather than stopping short, so tests
 * of different databases share the server safely. The cluster is a copy of one made for the run
 * (pristine-cluster.ts), which tests that start the service on a data directory of their own copy too.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    // no embedded server wanted: tests that start a service of their own then create its cluster
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const pristine = await mkdtemp(join(tmpdir(), 'ledger-pristine-'));
  globalThis.__LEDGER_TEST_PRISTINE__ = { dataDir: pristine, clusterDir: await makePristineDataDir(pristine) };
  process.env[PRISTINE_ENV] = pristine;
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-test-'));
  await copyPristineDataDir(dataDir);
  const db = await startEmbeddedDatabase({
    dataDir,
    // A throwaway cluster: durability buys nothing here, speed does.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
    // stopped with the run, also by a Ctrl-C
    ownProcessGroup: false,
  });
  globalThis.__LEDGER_TEST_DB__ = db;
  // Inherited by the workers jest starts next.
  process.env.TEST_DATABASE_URL = db.url;
}
