import type { Pool, PoolClient } from 'pg';
import { Umzug, type UmzugStorage } from 'umzug';

/** A versioned schema change. `name` orders migrations and is recorded once applied. */
export interface Migration {
  name: string;
  /** SQL run in one transaction with the bookkeeping row. */
  up: string;
}

/** Arbitrary but fixed: serialises concurrent starts of several service replicas. */
const MIGRATION_LOCK_KEY = 7_240_411_001;

/** Umzug's record of applied migrations, kept in the same database and transaction as the change. */
class PostgresMigrationStorage implements UmzugStorage<PoolClient> {
  async logMigration({ name, context }: { name: string; context: PoolClient }): Promise<void> {
    await context.query('insert into schema_migrations (name) values ($1)', [name]);
  }
  async unlogMigration({ name, context }: { name: string; context: PoolClient }): Promise<void> {
    await context.query('delete from schema_migrations where name = $1', [name]);
  }
  async executed({ context }: { context: PoolClient }): Promise<string[]> {
    const { rows } = await context.query<{ name: string }>('select name from schema_migrations order by name');
    return rows.map((r) => r.name);
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction, under an advisory lock so
 * that replicas starting together apply each one exactly once.
 */
export async function migrate(
  pool: Pool,
  migrations: readonly Migration[],
  log: (msg: string) => void = () => undefined,
): Promise<string[]> {
  const sorted = [...migrations].sort((a, b) => a.name.localeCompare(b.name));
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const umzug = new Umzug<PoolClient>({
      context: client,
      storage: new PostgresMigrationStorage(),
      logger: undefined,
      migrations: sorted.map((m) => ({
        name: m.name,
        up: async ({ context }) => {
          await context.query(m.up);
        },
      })),
    });
    umzug.on('migrating', ({ name }) => log(`applying migration ${name}`));
    // Umzug logs each migration after running it; wrapping both in one transaction makes them atomic.
    const pending = await umzug.pending();
    const applied: string[] = [];
    for (const { name } of pending) {
      await client.query('begin');
      try {
        await umzug.up({ migrations: [name] });
        await client.query('commit');
        applied.push(name);
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
    return applied;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
