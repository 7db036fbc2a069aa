import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate, startEmbeddedDatabase, type EmbeddedDatabase, type Migration } from '@ledger/database';
import type { RuntimeConfig } from './runtime.config';

/**
 * The PostgreSQL the service uses for events (by default) and read models: the configured server,
 * or an embedded one it starts itself. Schema migrations are applied before anything else runs.
 */
/**
 * True once this process has begun closing its database: a connection lost after that (the embedded
 * server stopping under the pool, a lock connection) is expected, not worth a warning on stderr.
 */
let closing = false;
export const databaseClosing = (): boolean => closing;

export class Database implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  private constructor(
    readonly pool: Pool,
    readonly url: string,
    private readonly embedded: EmbeddedDatabase | undefined,
  ) {}

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  /**
   * `createDataDir`: whether an embedded database may be created in a data directory that holds no
   * ledger yet (the service: yes; the CLI: only with `--init`).
   */
  static async open(
    config: RuntimeConfig,
    migrations: readonly Migration[],
    { createDataDir = true }: { createDataDir?: boolean } = {},
  ): Promise<Database> {
    const logger = new Logger('Database');
    let embedded: EmbeddedDatabase | undefined;
    let url = config.DATABASE_URL;
    if (!url) {
      logger.log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${config.LEDGER_DATA_DIR}`);
      embedded = await startEmbeddedDatabase({
        dataDir: config.LEDGER_DATA_DIR,
        create: createDataDir,
        log: (m) => logger.debug(m),
        // Restarted in place with backoff; when even that fails, exit non-zero for a supervisor.
        restart: {
          onFatal: (error) => {
            logger.error(`the embedded PostgreSQL cannot be restarted: ${error.message}`);
            process.exit(70);
          },
        },
      });
      url = embedded.url;
    }
    const pool = new Pool({
      connectionString: url,
      max: config.DATABASE_POOL_SIZE,
      application_name: 'ledger',
      // While the server is down a request waits at most this long for a connection, then answers 503.
      connectionTimeoutMillis: 5_000,
    });
    // A connection lost while idle (server restarted, 57P01) is the pool's error, not the process's:
    // the pool drops that client and opens a new one for the next query.
    pool.on('error', (error) => closing || logger.warn(`idle PostgreSQL connection lost: ${error.message}`));
    // A client checked out but between queries has no listener of the pool's: without this one its
    // lost connection would be an unhandled 'error' event. Its holder's next query fails instead (503).
    pool.on('connect', (client) =>
      client.on('error', (error) => closing || logger.warn(`PostgreSQL connection lost: ${error.message}`)),
    );
    try {
      const applied = await migrate(pool, migrations, (m) => logger.log(m));
      if (applied.length) logger.log(`applied ${applied.length} migration(s)`);
    } catch (error) {
      await pool.end();
      await embedded?.stop();
      throw error;
    }
    return new Database(pool, url, embedded);
  }

  async isUp(): Promise<boolean> {
    try {
      await this.pool.query('select 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    closing = true;
    await this.pool.end();
    if (this.embedded) {
      this.logger.log('stopping the embedded PostgreSQL');
      await this.embedded.stop();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
