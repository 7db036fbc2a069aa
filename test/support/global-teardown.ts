import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__LEDGER_TEST_DB__;
  if (!db) return;
  await db.stop();
  await rm(db.dataDir, { recursive: true, force: true });
}
