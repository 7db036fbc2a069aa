import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client, Pool } from 'pg';
import { migrate, startEmbeddedDatabase, withDatabase, type EmbeddedDatabase, type Migration } from '@ledger/database';

/** A child process a run started (the API, a projector): stopped before the server it uses. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** What a run gets from its throwaway server. */
export interface ThrowawayServer {
  /** The run's temporary folder (the API's data directory, logs), removed with the server. */
  readonly dir: string;
  /** A pool on each database asked for, migrated. */
  readonly pools: Readonly<Record<string, Pool>>;
  /** The server's own settings, as it reports them. */
  readonly settings: { version: string; fsync: string; synchronousCommit: string; sharedBuffers: string };
  readonly urlOf: (database: string) => string;
  /** Stop `child` too when the run ends or is interrupted (first the children, then the server). */
  readonly adopt: (child: Stoppable) => void;
}

export interface ThrowawayServerOptions {
  /** The temporary folder's name starts with it (`ledger-bench-`). */
  prefix: string;
  /** Server settings beyond the defaults (fsync stays on: the bench measures what a county would run). */
  settings: Record<string, string>;
  /** The databases to create, each with the migrations it gets. */
  databases: Record<string, readonly Migration[]>;
  log: (line: string) => void;
}

/**
 * Runs `run` against an embedded PostgreSQL of its own in a temporary folder, and removes all of it
 * afterwards, whether `run` ends, fails or the run is interrupted: the children adopted, the pools,
 * the server, the folder and the cluster (kept outside the folder when run as root). Ctrl-C exits 130
 * after cleaning up; a second Ctrl-C while that runs does not leave anything behind.
 */
export async function withThrowawayServer<T>(
  options: ThrowawayServerOptions,
  run: (server: ThrowawayServer) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix));
  let starting: Promise<EmbeddedDatabase> | undefined;
  const children: Stoppable[] = [];
  const pools: Record<string, Pool> = {};
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const child of children) await child.stop().catch(() => undefined);
      for (const pool of Object.values(pools)) await pool.end().catch(() => undefined);
      // Interrupted while the server starts: let it finish (initdb writing into the folder while it
      // is removed would leave part of it), then stop it.
      const db = await starting?.catch(() => undefined);
      await db?.stop().catch(() => undefined);
      const outside = await clusterHomeOutside(dir);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      if (outside) await rm(outside, { recursive: true, force: true }).catch(() => undefined);
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    if (cleaning) {
      process.stdout.write('still stopping the API and the database\n');
      return;
    }
    process.stdout.write('\ninterrupted: stopping the API and the database\n');
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    const given = Object.entries(options.settings).map(([name, value]) => `, ${name} ${value}`);
    options.log(`starting an embedded PostgreSQL (fsync on${given.join('')}) in ${dir}`);
    // As root the server runs as `postgres`, which must reach the cluster: placement.ts keeps it elsewhere.
    starting = startEmbeddedDatabase({ dataDir: dir, settings: options.settings });
    const server = await starting;
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    let settings: ThrowawayServer['settings'];
    try {
      for (const name of Object.keys(options.databases)) await admin.query(`create database ${name}`);
      settings = (
        await admin.query<ThrowawayServer['settings']>(
          `select version() as version, current_setting('fsync') as fsync,
                  current_setting('synchronous_commit') as "synchronousCommit",
                  current_setting('shared_buffers') as "sharedBuffers"`,
        )
      ).rows[0];
    } finally {
      await admin.end();
    }
    for (const [name, migrations] of Object.entries(options.databases)) {
      const pool = new Pool({ connectionString: withDatabase(server.url, name), max: 20 });
      // The run ends by stopping the server: a client idle in a pool then sees its connection
      // terminated (57P01), which is expected and must not end the process before it exits cleanly.
      pool.on('error', () => undefined);
      pools[name] = pool;
      await migrate(pool, migrations);
    }
    return await run({
      dir,
      pools,
      settings,
      urlOf: (name) => withDatabase(server.url, name),
      adopt: (child) => void children.push(child),
    });
  } finally {
    await cleanUp();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/**
 * The folder placement.ts made for the cluster outside `dir` (root, when PostgreSQL's account cannot
 * reach a private temporary folder), from the note it leaves in `dir`; also after a failed start.
 * It was made for this fresh folder alone (keyed by its path), so it is this run's to remove.
 */
async function clusterHomeOutside(dir: string): Promise<string | undefined> {
  const note = await readFile(join(dir, 'cluster-location'), 'utf8').catch(() => undefined);
  const cluster = note?.split('\n')[0].trim();
  return cluster ? dirname(cluster) : undefined;
}
