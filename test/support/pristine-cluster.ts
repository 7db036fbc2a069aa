import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
// relative, not @ledger/database: jest's global setup loads this without the projects' module mapper
import { startEmbeddedDatabase } from '../../libs/database/src/embedded-database';

/**
 * A data directory holding a new, empty, stopped cluster (initdb's output and its database secret),
 * made once per test run. initdb is most of what starting PostgreSQL in a new data directory costs
 * (1.5 s of CPU; several seconds on a loaded machine), and the run needs several such servers: its own,
 * and one for each service a test starts. Copying this one costs a fraction of that.
 */
export const PRISTINE_ENV = 'LEDGER_TEST_PRISTINE_DATA_DIR';

/** Makes the cluster; returns where it went (elsewhere than `<dataDir>/pg` only as root, see placement.ts). */
export async function makePristineDataDir(dataDir: string): Promise<string> {
  const db = await startEmbeddedDatabase({ dataDir, ownProcessGroup: false });
  await db.stop();
  return db.clusterDir;
}

/**
 * Copies the run's pristine cluster into `dataDir` (empty or missing), so that PostgreSQL starts there
 * as on an existing, empty cluster; false when there is none to copy (then PostgreSQL's first start
 * creates one). `cp -a` keeps the owner: as root, the cluster belongs to the `postgres` account.
 */
export async function copyPristineDataDir(dataDir: string, pristine = process.env[PRISTINE_ENV]): Promise<boolean> {
  // a cluster kept outside its data directory (root, unreachable directory: placement.ts) is not copied
  if (!pristine || !existsSync(join(pristine, 'pg', 'PG_VERSION'))) return false;
  await promisify(execFile)('cp', ['-a', `${pristine}/.`, dataDir]);
  // as the cluster's first start left it: searchable only, so that the `postgres` account reaches pg/
  await chmod(dataDir, 0o711);
  return true;
}
