import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { migrate, startEmbeddedDatabase, type EmbeddedDatabase, type Migration } from '@ledger/database';
import type { RuntimeConfig } from './runtime.config';

/**
 * The PostgreSQL the service uses for events (by default) and read models: the configured server,
 * or an embedded one it starts itself. Schema migrations are applied before anything else runs.
 */
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

  static async open(config: RuntimeConfig, migrations: readonly Migration[]): Promise<Database> {
    const logger = new Logger('Database');
    let embedded: EmbeddedDatabase | undefined;
    let url = config.DATABASE_URL;
    if (!url) {
      logger.log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${config.LEDGER_DATA_DIR}`);
      embedded = await startEmbeddedDatabase({ dataDir: config.LEDGER_DATA_DIR, log: (m) => logger.debug(m) });
      url = embedded.url;
    }
    const pool = new Pool({ connectionString: url, max: config.DATABASE_POOL_SIZE, application_name: 'ledger' });
    pool.on('error', (error) => logger.error(`idle PostgreSQL connection failed: ${error.message}`));
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
