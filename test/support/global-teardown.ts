import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

async function remove({ dataDir, clusterDir }: { dataDir: string; clusterDir: string }): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  // a cluster kept outside the data directory (root, private directory: see placement.ts)
  if (!clusterDir.startsWith(dataDir)) await rm(dirname(clusterDir), { recursive: true, force: true });
}

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__LEDGER_TEST_DB__;
  if (db) {
    await db.stop();
    await remove(db);
  }
  if (globalThis.__LEDGER_TEST_PRISTINE__) await remove(globalThis.__LEDGER_TEST_PRISTINE__);
}
