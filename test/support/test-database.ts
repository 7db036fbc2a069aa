import { createHash, randomBytes } from 'node:crypto';
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

/** Arbitrary but fixed: one test file at a time builds a template on a server (several may share one). */
const TEMPLATE_LOCK_KEY = 7_240_411_077;

/**
 * The name of a database on this server holding exactly `migrations`, built on first use. Applying
 * the ledger's migrations cost about a second per database, paid by every test file (some make
 * several); copying a migrated template (`create database … template`) costs a fraction of that.
 * The name is a digest of the migrations' names and SQL, so a changed migration gets a new template
 * (also on a long-lived server given by DATABASE_URL), and a template is renamed into place only
 * once complete, so a run killed while building one leaves nothing half-migrated behind it.
 */
async function templateFor(migrations: readonly Migration[]): Promise<string> {
  const digest = createHash('sha256');
  for (const m of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) digest.update(`${m.name}\0${m.up}\0`);
  const name = `ledger_template_${digest.digest('hex').slice(0, 16)}`;
  await asAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) return;
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${building}`);
      const pool = new Pool({ connectionString: withDatabase(serverUrl(), building), max: 1 });
      try {
        await migrate(pool, migrations);
      } finally {
        // no connection may stay open on a template: `create database … template` refuses it
        await pool.end();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}

/** Creates database `name` holding `migrations` already (a copy of their template). */
export async function createMigratedDatabase(name: string, migrations: readonly Migration[]): Promise<void> {
  const template = await templateFor(migrations);
  await asAdmin((c) => c.query(`create database ${name} template ${template}`));
}

export async function createTestDatabase(migrations: readonly Migration[]): Promise<TestDatabase> {
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  await createMigratedDatabase(name, migrations);
  const url = withDatabase(serverUrl(), name);
  const pool = new Pool({ connectionString: url, max: 20 });
  // Dropping the database terminates any connection still open; that is expected, not a failure.
  pool.on('error', () => undefined);
  // Nothing is pending in a copy of the template: this only checks so (one query under the lock).
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
