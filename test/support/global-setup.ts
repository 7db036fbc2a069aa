import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from 'jest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../libs/database/src/embedded-database';
import { copyPristineDataDir, makePristineDataDir, PRISTINE_ENV } from './pristine-cluster';

declare global {
  var __LEDGER_TEST_DBS__: EmbeddedDatabase[] | undefined;
  var __LEDGER_TEST_PRISTINE__: { dataDir: string; clusterDir: string } | undefined;
}

/**
 * Starts a throwaway embedded PostgreSQL for each jest worker, unless DATABASE_URL points at a server
 * already. Each worker creates a database per test file on its own server (worker-server.ts picks
 * it). One server per worker, not one per run: the event store bounds what a reader sees by its own
 * database's running transactions only where it can prove another transaction belongs elsewhere
 * (per-database-visibility.int-spec.ts); a transaction starting in another test's database can
 * still hold back, for a moment, what a test's projections see, and a test that expects them
 * caught up at once would fail by chance (seen once in CI with one server for the run).
 * The workers' clusters are copies of one made for the run (pristine-cluster.ts), which tests that
 * start the service on a data directory of their own copy too.
 */
export default async function globalSetup(globalConfig: Config): Promise<void> {
  if (process.env.DATABASE_URL) {
    // no embedded server wanted: tests that start a service of their own then create its cluster
    process.env.TEST_DATABASE_URLS = JSON.stringify([process.env.DATABASE_URL]);
    return;
  }
  const pristine = await mkdtemp(join(tmpdir(), 'ledger-pristine-'));
  globalThis.__LEDGER_TEST_PRISTINE__ = { dataDir: pristine, clusterDir: await makePristineDataDir(pristine) };
  process.env[PRISTINE_ENV] = pristine;
  const workers = Math.max(1, Number(globalConfig.maxWorkers ?? 1));
  const dbs = await Promise.all(
    Array.from({ length: workers }, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'ledger-test-'));
      await copyPristineDataDir(dataDir);
      return startEmbeddedDatabase({
        dataDir,
        // A throwaway cluster: durability buys nothing here, speed does.
        settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
        // stopped with the run, also by a Ctrl-C
        ownProcessGroup: false,
      });
    }),
  );
  globalThis.__LEDGER_TEST_DBS__ = dbs;
  process.env.TEST_DATABASE_URLS = JSON.stringify(dbs.map((db) => db.url));
}
