import { Client, type Pool } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { compareLogPositions, type EventStore } from '@ledger/event-store';
import { quoteIdent, statesOf, type Checkpoint } from './checkpoints';
import type { Projection } from './projection';
import { failuresOf, messageOf, transientKind } from './projection-failure';
import { backoffMs, CONTENTION_RETRIES, ProjectionGroupRunner, type Poison } from './projection-runner';

/** Where a rebuild builds its copies of the read models, beside the live ones. */
export const REBUILD_SCHEMA = 'projection_rebuild';
/** One rebuild at a time (it owns the schema above). */
const REBUILD_LOCK = 'ledger-projection-rebuild';

export type RebuildResult =
  { name: string; status: 'rebuilt'; position: number } | { name: string; status: 'parked'; poison: Poison };

/** Another rebuild holds the lock. */
export class RebuildBusyError extends Error {
  constructor() {
    super('another rebuild is running; wait for it to finish');
  }
}

/**
 * Rebuilds read models from the log beside the live ones, so that nobody reading them ever sees
 * them empty or half-built: copies of their tables (same columns, constraints and indexes) and a
 * checkpoints table of their own are made in a schema of the rebuild's; the projections' own
 * statements fill them from the start of the log (the runner puts that schema first on the search
 * path); when a copy has caught up, it is swapped in by one transaction (see `swap`), which also
 * unparks the projection. A copy that meets an event it cannot apply parks in turn: it is not
 * swapped in, and its result names the event and the error (the live model stays as it was).
 */
export class ProjectionRebuild {
  private readonly runner: ProjectionGroupRunner;

  constructor(
    private readonly projections: readonly Projection[],
    store: EventStore,
    private readonly pool: Pool,
  ) {
    this.runner = new ProjectionGroupRunner(projections, store, pool, REBUILD_SCHEMA);
  }

  async run(onBatch?: (checkpoint: Checkpoint, applied: number) => void): Promise<RebuildResult[]> {
    const lock = new Client(this.pool.options);
    lock.on('error', () => undefined);
    await lock.connect();
    try {
      const { rows } = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
        REBUILD_LOCK,
      ]);
      if (!rows[0].locked) throw new RebuildBusyError();
      await this.prepare();
      try {
        await this.catchUp(onBatch);
        const states = await statesOf(
          this.pool,
          this.projections.map((p) => p.name),
          REBUILD_SCHEMA,
        );
        const results: RebuildResult[] = [];
        for (const projection of this.projections) {
          const state = states.get(projection.name)!;
          if (state.parked) {
            const { since: _, ...poison } = state.parked;
            results.push({ name: projection.name, status: 'parked', poison });
            continue;
          }
          const at = await this.swap(projection, state);
          results.push({ name: projection.name, status: 'rebuilt', position: at.position });
        }
        return results;
      } finally {
        await this.pool.query(`drop schema if exists ${quoteIdent(REBUILD_SCHEMA)} cascade`).catch(() => undefined);
      }
    } finally {
      await lock.end().catch(() => undefined);
    }
  }

  /** A fresh schema with an empty copy of each table (a crashed rebuild's leftovers go first). */
  private async prepare(): Promise<void> {
    const schema = quoteIdent(REBUILD_SCHEMA);
    const tables = ['projection_checkpoints', ...this.projections.flatMap((p) => p.tables)];
    await this.pool.query(
      [
        `drop schema if exists ${schema} cascade`,
        `create schema ${schema}`,
        ...tables.map((t) => `create table ${schema}.${t} (like ${t} including all)`),
      ].join(';\n'),
    );
  }

  /**
   * Fills the copies up to the log's head. A projection that fails on an event is isolated to that
   * event and parked (in the copy); the others go on. Transient failures are retried with backoff.
   */
  private async catchUp(onBatch?: (checkpoint: Checkpoint, applied: number) => void): Promise<void> {
    for (let attempt = 0; ;) {
      try {
        await this.runner.catchUpAll(onBatch);
        return;
      } catch (error) {
        const failures = failuresOf(error);
        if (failures.length === 0 || failures.some((f) => transientKind(f))) {
          if (++attempt > CONTENTION_RETRIES) throw failures[0] ?? error;
          await sleep(backoffMs(attempt));
          continue;
        }
        for (const failure of failures) {
          const member = this.projections.find((p) => p.name === failure.projection)!;
          await this.runner.parkAtPoison(member);
        }
      }
    }
  }

  /**
   * Swaps a caught-up copy in, in one transaction: the live tables are locked against writes
   * (EXCLUSIVE: readers go on reading, the live runner waits), the last events the live runner
   * applied since the copy caught up are applied to the copy, the live rows are replaced by the
   * copy's, and the live checkpoint is set to the copy's and unparked. Readers see the old rows
   * until the commit and the new ones after it, never an empty table: rows are copied rather than
   * tables renamed, since a renamed table would look empty to a repeatable-read reader whose
   * snapshot predates it, and would carry the copy's index names. The live runner's commit that
   * waited on the lock then fails its compare-and-set and continues from the new checkpoint.
   */
  private async swap(projection: Projection, copy: Checkpoint): Promise<Checkpoint> {
    const schema = quoteIdent(REBUILD_SCHEMA);
    for (let attempt = 0; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('begin');
        await client.query(`lock table ${projection.tables.join(', ')} in exclusive mode`);
        await client.query('select 1 from projection_checkpoints where name = $1 for update', [projection.name]);
        const live = (await statesOf(client, [projection.name])).get(projection.name)!;
        let at = copy;
        if (compareLogPositions(live.logPosition, copy.logPosition) > 0) {
          at = await this.runner.applyWithin(client, projection, copy, live.logPosition);
        }
        for (const table of projection.tables) {
          await client.query(`delete from ${table}`);
          await client.query(`insert into ${table} select * from ${schema}.${table}`);
        }
        await client.query(
          `insert into projection_checkpoints (name, commit_position, prepare_position, position, events_applied)
           select name, commit_position, prepare_position, position, events_applied
             from ${schema}.projection_checkpoints where name = $1
           on conflict (name) do update set commit_position = excluded.commit_position,
                  prepare_position = excluded.prepare_position, position = excluded.position,
                  events_applied = excluded.events_applied, status = 'running', parked_position = null,
                  parked_event_id = null, parked_event_type = null, parked_error = null, parked_at = null,
                  updated_at = now()`,
          [projection.name],
        );
        await client.query('commit');
        return at;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        if (transientKind(error) === 'contention' && attempt < CONTENTION_RETRIES) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw new Error(`swapping in the rebuilt ${projection.name} failed: ${messageOf(error)}`);
      } finally {
        client.release();
      }
    }
  }
}
