import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export default async function globalTeardown(): Promise<void> {
  for (const db of globalThis.__LEDGER_TEST_DBS__ ?? []) {
    await db.stop();
    await rm(db.dataDir, { recursive: true, force: true });
    // a cluster kept outside the data directory (root, private directory: see placement.ts)
    if (!db.clusterDir.startsWith(db.dataDir)) await rm(dirname(db.clusterDir), { recursive: true, force: true });
  }
}
