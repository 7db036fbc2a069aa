import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, type Pool, type PoolClient } from 'pg';
import {
  compareLogPositions,
  START_OF_LOG,
  type EventStore,
  type LogPosition,
  type RecordedEvent,
} from '@ledger/event-store';
import type { Projection } from './projection';
import { runStatements } from './statement-batch';

export interface Checkpoint {
  logPosition: LogPosition;
  /** Client-visible position of the last event applied (0 before any). */
  position: number;
}

export interface RunOptions {
  signal: AbortSignal;
  batchSize?: number;
  idleMs?: number;
  /** Called after each committed batch (progress bars, tests). */
  onBatch?: (checkpoint: Checkpoint, applied: number) => void;
}

/** The checkpoint is no longer where this runner left it (a rebuild reset it). */
export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`the checkpoint of ${name} was moved by someone else (a rebuild?); continuing from where it now is`);
  }
}

/** Arbitrary fixed namespace for the advisory locks that keep one runner per projection. */
const LOCK_NAMESPACE = 'ledger-projection';

/**
 * Runs one projection: holds its advisory lock (one runner per projection across replicas and the
 * CLI), follows the log from its checkpoint, and applies each batch in one transaction that also
 * advances the checkpoint with a compare-and-set.
 */
export class ProjectionRunner {
  private readonly logger: Logger;

  constructor(
    readonly projection: Projection,
    private readonly store: EventStore,
    private readonly pool: Pool,
  ) {
    this.logger = new Logger(`Projection:${projection.name}`);
  }

  static async checkpointOf(pool: Pool | PoolClient, name: string): Promise<Checkpoint> {
    const { rows } = await pool.query<{ commit_position: string; prepare_position: string; position: string }>(
      'select commit_position, prepare_position, position from projection_checkpoints where name = $1',
      [name],
    );
    if (!rows[0]) return { logPosition: START_OF_LOG, position: 0 };
    return {
      logPosition: { commit: BigInt(rows[0].commit_position), prepare: BigInt(rows[0].prepare_position) },
      position: Number(rows[0].position),
    };
  }

  /**
   * Follows the log until the signal aborts. Returns false at once if another runner holds the lock.
   */
  async run(options: RunOptions): Promise<boolean> {
    const lock = await this.tryLock();
    if (!lock) return false;
    try {
      while (!options.signal.aborted) {
        // The checkpoint is read afresh for every batch: a rebuild may have reset it under this
        // runner (the compare-and-set then fails once and the runner continues from the reset).
        const checkpoint = await ProjectionRunner.checkpointOf(this.pool, this.projection.name);
        const batch = await this.store.readAll({ after: checkpoint.logPosition, maxCount: options.batchSize ?? 500 });
        if (batch.length === 0) {
          await sleep(options.idleMs ?? 50, undefined, { signal: options.signal }).catch(() => undefined);
          continue;
        }
        try {
          const applied = await this.applyBatch(checkpoint, batch);
          options.onBatch?.(applied, batch.length);
        } catch (error) {
          if (!(error instanceof CheckpointMovedError)) throw error;
          this.logger.warn(error.message);
        }
      }
      return true;
    } finally {
      await this.unlock(lock);
    }
  }

  /** Applies a batch and moves the checkpoint from `from` to its last event, atomically. */
  async applyBatch(from: Checkpoint, batch: readonly RecordedEvent[]): Promise<Checkpoint> {
    const last = batch[batch.length - 1];
    const to: Checkpoint = { logPosition: last.logPosition, position: last.position };
    // Every statement of the batch first (a projection that throws has written nothing), then all of
    // them in one transaction, in a few round trips rather than one per statement.
    const statements = batch.flatMap((event) => this.projection.apply(event));
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await runStatements(client, statements);
      const moved = await this.advance(client, from, to, batch.length);
      if (!moved) throw new CheckpointMovedError(this.projection.name);
      await client.query('commit');
      return to;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Compare-and-set: only moves a checkpoint that is still where this runner left it. */
  private async advance(client: PoolClient, from: Checkpoint, to: Checkpoint, applied: number): Promise<boolean> {
    if (compareLogPositions(from.logPosition, START_OF_LOG) === 0) {
      const inserted = await client.query(
        `insert into projection_checkpoints (name, commit_position, prepare_position, position, events_applied)
         values ($1, $2, $3, $4, $5) on conflict (name) do nothing`,
        [
          this.projection.name,
          to.logPosition.commit.toString(),
          to.logPosition.prepare.toString(),
          to.position,
          applied,
        ],
      );
      if (inserted.rowCount === 1) return true;
    }
    const updated = await client.query(
      `update projection_checkpoints
          set commit_position = $2, prepare_position = $3, position = $4, events_applied = events_applied + $5, updated_at = now()
        where name = $1 and commit_position = $6 and prepare_position = $7`,
      [
        this.projection.name,
        to.logPosition.commit.toString(),
        to.logPosition.prepare.toString(),
        to.position,
        applied,
        from.logPosition.commit.toString(),
        from.logPosition.prepare.toString(),
      ],
    );
    return updated.rowCount === 1;
  }

  /**
   * Tries to take this projection's lock. The lock lives as long as its session, so it gets a
   * connection of its own outside the pool: held from the pool, one per projection, it would starve
   * the requests that share the pool. The caller passes the client to `unlock`.
   */
  async tryLock(): Promise<Client | undefined> {
    const client = new Client(this.pool.options);
    // A lock connection that dies (server restart, database dropped) must not crash the process;
    // the runner's next query on the pool fails and its supervisor starts it again.
    client.on('error', (error) => this.logger.warn(`lock connection lost: ${error.message}`));
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtext($1), hashtext($2)) as locked',
        [LOCK_NAMESPACE, this.projection.name],
      );
      if (rows[0].locked) return client;
    } catch (error) {
      await client.end();
      throw error;
    }
    await client.end();
    return undefined;
  }

  /** Releases the lock by ending its session. */
  async unlock(client: Client): Promise<void> {
    await client.end();
  }

  /**
   * Applies everything up to the log's head at the time of the call (a rebuild's catch-up), without
   * the lock: the caller holds it.
   */
  async catchUp(onBatch?: (checkpoint: Checkpoint, applied: number) => void, batchSize = 1000): Promise<Checkpoint> {
    const head = await this.store.head();
    let checkpoint = await ProjectionRunner.checkpointOf(this.pool, this.projection.name);
    while (compareLogPositions(checkpoint.logPosition, head) < 0) {
      const batch = await this.store.readAll({ after: checkpoint.logPosition, maxCount: batchSize });
      if (batch.length === 0) break;
      checkpoint = await this.applyBatch(checkpoint, batch);
      onBatch?.(checkpoint, batch.length);
    }
    return checkpoint;
  }

  /** Empties the projection's tables and its checkpoint, in one transaction, so it rebuilds from zero. */
  async reset(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      for (const table of this.projection.tables) await client.query(`delete from ${table}`);
      await client.query('delete from projection_checkpoints where name = $1', [this.projection.name]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.logger.log('reset: rebuilding from the start of the log');
  }
}
