import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Database } from '@ledger/runtime';

/**
 * Who runs an import, provably: the run holds a session advisory lock keyed on the import's id,
 * from before its record says `processing` until after it says how it ended. A crash, a kill or a
 * lost connection ends the session and with it the lock, so an import still `processing` whose
 * lock anyone can take has no owner left: it is marked `failed` (and a commit of the same file
 * resumes it, as a failed one always did). Checked at every start of the service and whenever the
 * import is read.
 */
const lockKey = (importId: string) => `import-run\u001f${importId}`;

/** Takes the run's lock on the client that the run keeps for as long as it runs. */
export async function holdImportRun(client: PoolClient, importId: string): Promise<void> {
  await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [lockKey(importId)]);
}

export const INTERRUPTED =
  'interrupted: the process running this import stopped (a crash, a restart or a lost connection) before it ended; import the same file again to run it again';

/** Marks the import failed if it is `processing` with no run holding it; true if it did. */
export async function failIfOrphaned(pool: Pool, importId: string): Promise<boolean> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>(
      'select pg_try_advisory_lock(hashtextextended($1, 0)) as free',
      [lockKey(importId)],
    );
    if (!rows[0].free) return false;
    try {
      const updated = await client.query(
        `update imports set status = 'failed', failure = $2, updated_at = now()
          where id = $1 and status = 'processing'`,
        [importId, INTERRUPTED],
      );
      return updated.rowCount === 1;
    } finally {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(importId)]);
    }
  } finally {
    client.release();
  }
}

/** At start: every import left `processing` by a process that is gone becomes `failed`. */
@Injectable()
export class InterruptedImports implements OnApplicationBootstrap {
  private readonly logger = new Logger('Importer');

  constructor(private readonly database: Database) {}

  async onApplicationBootstrap(): Promise<void> {
    const { rows } = await this.database.pool.query<{ id: string }>(
      `select id from imports where status = 'processing'`,
    );
    for (const { id } of rows) {
      if (await failIfOrphaned(this.database.pool, id)) this.logger.log(`import ${id} was interrupted; marked failed`);
    }
  }
}
