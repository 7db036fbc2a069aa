import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { migrate, withDatabase, type Migration } from '@ledger/database';

/** A fresh, migrated database on the test run's server, dropped by `drop()`. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run tests through jest (see jest.config.js)');
  return url;
}

/** Runs SQL as the server's administrator on its maintenance database. */
export async function asAdmin<T>(work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(migrations: readonly Migration[]): Promise<TestDatabase> {
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  await asAdmin((c) => c.query(`create database ${name}`));
  const url = withDatabase(serverUrl(), name);
  const pool = new Pool({ connectionString: url, max: 20 });
  // Dropping the database terminates any connection still open; that is expected, not a failure.
  pool.on('error', () => undefined);
  await migrate(pool, migrations);
  return {
    url,
    name,
    pool,
    drop: async () => {
      await pool.end();
      await asAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
