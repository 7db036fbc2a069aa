import { Logger } from '@nestjs/common';
import { setImmediate as yieldToIo, setTimeout as sleep } from 'node:timers/promises';
import { Client, type Pool, type PoolClient } from 'pg';
import { databaseClosing } from '@ledger/runtime';
import {
  compareLogPositions,
  START_OF_LOG,
  type EventStore,
  type LogPosition,
  type RecordedEvent,
} from '@ledger/event-store';
import { executionsOf, planBatch, runExecutions, type Execution } from './batch-plan';
import {
  advanceCheckpoint,
  advanceCheckpoints,
  park,
  quoteIdent,
  statesOf,
  type Checkpoint,
  type ParkedAt,
} from './checkpoints';
import type { Projection } from './projection';
import { failuresOf, messageOf, ProjectionFailure, transientKind } from './projection-failure';

export type { Checkpoint } from './checkpoints';

export interface RunOptions {
  signal: AbortSignal;
  batchSize?: number;
  idleMs?: number;
  /** Called after each committed batch (progress bars, tests). */
  onBatch?: (checkpoint: Checkpoint, applied: number) => void;
  /**
   * Share the projections with the other projector processes (CLI `projections run`, API instances)
   * on this database: each holds at most its fair share, ceil(projections / projectors), lets go of
   * the rest for a newcomer, and takes over a dead one's within a takeover interval. Without it a
   * runner takes every lock it can, and answers false at once when it could take none.
   */
  share?: boolean;
}

/** The checkpoint is no longer where this runner left it (a rebuild reset or swapped it). */
export class CheckpointMovedError extends Error {
  constructor(name: string) {
    super(`the checkpoint of ${name} was moved by someone else (a rebuild?); continuing from where it now is`);
  }
}

/** The event a projection cannot apply, as found by `isolate`. */
export type Poison = Omit<ParkedAt, 'since'>;

/** Arbitrary fixed namespace for the advisory locks that keep one runner per projection. */
const LOCK_NAMESPACE = 'ledger-projection';
/** Namespace of the locks by which sharing projector processes count each other (one per process). */
const MEMBER_NAMESPACE = 'ledger-projector';
/** Projector processes one database can count; the 65th waits for a free place. */
const MAX_PROJECTORS = 64;
/** Events read and applied per transaction. */
export const DEFAULT_BATCH_SIZE = 5000;
/** Pages up to this many events commit all their read models in one transaction (see `commitPage`). */
const SHARED_COMMIT_MAX_EVENTS = 100;
/** How often a runner that lacks some of its projections' locks tries to take them over. */
const TAKEOVER_INTERVAL_MS = 2_000;
/** Retries of a page that failed for contention (serialization failure, deadlock) before parking. */
export const CONTENTION_RETRIES = 5;
/** Backoff after a transient failure: doubles from the first, up to the cap. */
const BACKOFF_FIRST_MS = 200;
const BACKOFF_CAP_MS = 10_000;
/** Page sizes tried, smaller and smaller, to find the one event a projection cannot apply. */
/** How long a catch-up waits for an open transaction that holds the log's head out of sight. */
const CATCH_UP_HELD_BACK_MS = 10_000;
const HELD_BACK_POLL_MS = 20;
const ISOLATION_SIZES = [500, 50, 5, 1];

const logger = new Logger('Projections');

export const backoffMs = (attempt: number): number => Math.min(BACKOFF_CAP_MS, BACKOFF_FIRST_MS * 2 ** attempt);

/** A page's statements for each member (or why the member could not plan it), and where it takes their checkpoints. */
interface PlannedPage {
  to: Checkpoint;
  size: number;
  /** For each member, in the order of the members. */
  work: (Execution[] | ProjectionFailure)[];
}

/**
 * Runs several projections over one read of the log: projections whose checkpoints are at the same
 * place form a cluster, and each page of events is read once for the cluster and applied to each of
 * its projections in a transaction that also moves that projection's checkpoint with a
 * compare-and-set (the projections' transactions run side by side, one connection each).
 * A projection behind the others (a rebuild) is advanced on its own until it reaches them, and then
 * joins their cluster. Within a projection, a page's statements are grouped into set-based steps
 * (`planBatch`) that keep the order of effects that depend on each other.
 */
export class ProjectionGroupRunner {
  constructor(
    readonly projections: readonly Projection[],
    protected readonly store: EventStore,
    protected readonly pool: Pool,
    /**
     * A schema holding copies of the projections' tables and a checkpoints table of its own (a
     * rebuild beside the live read model); the live tables when absent.
     */
    readonly schema?: string,
  ) {}

  /**
   * A page's work for each member: every statement computed, grouped into set-based steps
   * (`planBatch`) and its parameters made, so that a projection that throws has written nothing.
   * Yields to the event loop between members and steps: this runs while the previous page's
   * statements are on the server, and their results must not wait for it long.
   */
  private async plan(members: readonly Projection[], page: readonly RecordedEvent[]): Promise<PlannedPage> {
    const last = page[page.length - 1];
    const work: (Execution[] | ProjectionFailure)[] = [];
    for (const projection of members) {
      try {
        const executions: Execution[] = [];
        for (const step of planBatch(page.flatMap((event) => projection.apply(event)))) {
          executions.push(...executionsOf(step));
          await yieldToIo();
        }
        work.push(executions);
      } catch (error) {
        // An event this projection cannot turn into statements: it alone is held back.
        work.push(new ProjectionFailure(projection.name, error));
      }
    }
    return { to: { logPosition: last.logPosition, position: last.position }, size: page.length, work };
  }

  /**
   * Applies a page to the members (all at `from`) and moves their checkpoints to its last event:
   * each member's statements and its checkpoint's compare-and-set run in one transaction of its own,
   * the members side by side on their own connections. A member that fails holds back only itself:
   * the others commit, and the first failure is then thrown.
   */
  async applyPage(
    members: readonly Projection[],
    from: Checkpoint,
    page: readonly RecordedEvent[],
  ): Promise<Checkpoint> {
    const planned = await this.plan(members, page);
    await settled(
      members.map((member, i) => this.commit(member.name, planned.work[i], from, planned.to, planned.size)),
    );
    return planned.to;
  }

  /**
   * One member's statements and checkpoint, in one transaction. Its failures name the member
   * (`ProjectionFailure`), so that the runner holds back and parks that one alone.
   */
  private async commit(
    name: string,
    executions: readonly Execution[] | ProjectionFailure,
    from: Checkpoint,
    to: Checkpoint,
    applied: number,
  ) {
    if (executions instanceof ProjectionFailure) throw executions;
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new ProjectionFailure(name, error);
    }
    try {
      // Not waiting for the commit's WAL flush is safe here: the checkpoint moves in the same
      // transaction as the rows, so a commit lost in a server crash loses both together, and the
      // runner applies those pages again from the log (whose appends are flushed as always); a read
      // model is rebuilt from the log at any time anyway. It saves a disk flush per member and page.
      await client.query('begin; set local synchronous_commit = off');
      await this.useSchema(client);
      await runExecutions(client, executions);
      if (!(await advanceCheckpoint(client, name, from, to, applied))) throw new CheckpointMovedError(name);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error instanceof CheckpointMovedError ? error : new ProjectionFailure(name, error);
    } finally {
      client.release();
    }
  }

  /**
   * Each member's commit of a page, after its commit of the page before. A small page (the live tail
   * under a stream of commands: a few events, which most read models ignore) commits all the members
   * in one transaction on one connection, their checkpoints moved by one compare-and-set statement:
   * per member a transaction of its own on a connection of its own was three round trips even with
   * nothing to write, some forty per page for a wage payment, several times what the command itself
   * costs, on the pool the requests share. Should that shared transaction fail in any way, nothing
   * of it is kept and the members commit separately, as a large page always does (there the server's
   * work, done side by side, outweighs the round trips), so a failure still holds back only the
   * member it concerns.
   */
  private commitPage(
    members: readonly Projection[],
    tails: readonly Promise<void>[],
    planned: PlannedPage,
    from: Checkpoint,
  ): Promise<void>[] {
    const separately = (i: number) => this.commit(members[i].name, planned.work[i], from, planned.to, planned.size);
    const shareable =
      members.length > 1 &&
      planned.size <= SHARED_COMMIT_MAX_EVENTS &&
      // a checkpoint never written yet is inserted, by `advanceCheckpoint`
      compareLogPositions(from.logPosition, START_OF_LOG) !== 0 &&
      planned.work.every((work) => Array.isArray(work));
    if (!shareable) return members.map((_, i) => tails[i].then(() => separately(i)));
    const shared = Promise.allSettled(tails).then((previous) =>
      previous.every((p) => p.status === 'fulfilled') ? this.commitTogether(members, planned, from) : false,
    );
    return members.map((_, i) =>
      tails[i].then(() => shared).then((committed) => (committed ? undefined : separately(i))),
    );
  }

  /**
   * Every member's statements and one compare-and-set of all their checkpoints, in one transaction.
   * True once committed; false, having written nothing, when anything went wrong (a statement failed,
   * a checkpoint was moved, the connection was lost), for the members to commit separately. Should a
   * commit whose answer was lost have been applied after all, the separate commits find every
   * checkpoint moved and write nothing again.
   */
  private async commitTogether(
    members: readonly Projection[],
    planned: PlannedPage,
    from: Checkpoint,
  ): Promise<boolean> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch {
      return false;
    }
    // A connection whose rollback failed is in an unknown state: it is closed, not reused.
    let unusable: Error | undefined;
    try {
      await client.query('begin; set local synchronous_commit = off');
      await this.useSchema(client);
      for (const work of planned.work) await runExecutions(client, work as Execution[]);
      const names = members.map((member) => member.name);
      const moved = await advanceCheckpoints(client, names, from, planned.to, planned.size, this.schema);
      if (moved.size !== names.length) throw new Error('a checkpoint was moved meanwhile');
      await client.query('commit');
      return true;
    } catch {
      await client.query('rollback').catch((error: Error) => (unusable = error));
      return false;
    } finally {
      client.release(unusable);
    }
  }

  /**
   * In a rebuild, puts its schema first on the transaction's search path: the projections' SQL names
   * tables without a schema, so the same statements (and the checkpoint's compare-and-set) write
   * the copies, while tables the projection does not own are still found where they live.
   */
  private async useSchema(client: PoolClient): Promise<void> {
    if (!this.schema) return;
    await client.query(`select set_config('search_path', $1 || ', ' || current_setting('search_path'), true)`, [
      quoteIdent(this.schema),
    ]);
  }

  /**
   * Advances the members (all at `from`) page by page until the log ends, `until` is reached
   * (events after it are left for later) or `maxPages` pages have been applied. A pipeline, so that
   * the server and this process work at the same time: while pages are committed, the next one is
   * planned and the one after it read; and each member commits its pages one after the other at its
   * own pace (a member done with a page goes on with the next while a slower one still works on
   * it), at most two pages apart. A member that fails holds back only itself: the others commit
   * the pages already planned, and the first failure is then thrown. Returns the events applied.
   */
  async advance(
    members: readonly Projection[],
    from: Checkpoint,
    options: {
      until?: LogPosition;
      maxPages?: number;
      batchSize?: number;
      onBatch?: (checkpoint: Checkpoint, applied: number) => void;
    } = {},
  ): Promise<number> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const maxPages = options.maxPages ?? Infinity;
    const until = options.until;
    const read = (after: LogPosition) => {
      const page = this.store.readAll({ after, maxCount: batchSize });
      // Not awaited if applying fails: keep its rejection from going unhandled.
      page.catch(() => undefined);
      return page;
    };
    let applied = 0;
    let checkpoint = from;
    /** Each member's last commit: its next page's commit follows it. */
    let tails: Promise<void>[] = members.map(() => Promise.resolve());
    /** Pages in flight, each done once every member has committed it. */
    const inFlight: Promise<void>[] = [];
    try {
      let reading: Promise<RecordedEvent[]> | undefined = read(from.logPosition);
      for (let pages = 0; reading && pages < maxPages; pages++) {
        let page = await reading;
        reading = undefined;
        if (until) page = page.filter((e) => compareLogPositions(e.logPosition, until) <= 0);
        if (page.length === 0) break;
        const atEnd =
          page.length < batchSize ||
          (until !== undefined && compareLogPositions(page[page.length - 1].logPosition, until) >= 0);
        if (!atEnd && pages + 1 < maxPages) reading = read(page[page.length - 1].logPosition);
        const planned = await this.plan(members, page);
        while (inFlight.length >= 2) await inFlight.shift();
        const pageFrom = checkpoint;
        tails = this.commitPage(members, tails, planned, pageFrom);
        checkpoint = planned.to;
        const done = settled(tails).then(() => {
          applied += planned.size;
          options.onBatch?.(planned.to, planned.size);
        });
        done.catch(() => undefined); // awaited below, in page order
        inFlight.push(done);
      }
      while (inFlight.length > 0) await inFlight.shift();
    } finally {
      // Whatever happened, the members' commits already under way finish before this returns.
      await Promise.allSettled(tails);
    }
    return applied;
  }

  /** The members' checkpoints grouped by position, lowest first; parked members are left out. */
  private async clusters(projections: readonly Projection[]) {
    const states = await statesOf(
      this.pool,
      projections.map((p) => p.name),
      this.schema,
    );
    const clusters: { from: Checkpoint; members: Projection[] }[] = [];
    for (const projection of projections) {
      const checkpoint = states.get(projection.name)!;
      if (checkpoint.status === 'parked') continue;
      const cluster = clusters.find((c) => compareLogPositions(c.from.logPosition, checkpoint.logPosition) === 0);
      if (cluster) cluster.members.push(projection);
      else
        clusters.push({
          from: { logPosition: checkpoint.logPosition, position: checkpoint.position },
          members: [projection],
        });
    }
    return clusters.sort((a, b) => compareLogPositions(a.from.logPosition, b.from.logPosition));
  }

  /**
   * Applies everything up to the log's head at the time of the call (a rebuild's catch-up, the
   * benchmark), without the locks: the caller holds them. The projections furthest behind are
   * advanced first, up to the next ones, which they then join.
   */
  async catchUpAll(onBatch?: (checkpoint: Checkpoint, applied: number) => void, batchSize?: number): Promise<void> {
    const head = await this.store.head();
    let heldBackSince: number | undefined;
    for (;;) {
      const behind = (await this.clusters(this.projections)).filter(
        (c) => compareLogPositions(c.from.logPosition, head) < 0,
      );
      if (behind.length === 0) return;
      const [lowest, next] = behind;
      const applied = await this.advance(lowest.members, lowest.from, {
        until: next?.from.logPosition ?? head,
        batchSize,
        onBatch,
      });
      if (applied > 0) {
        heldBackSince = undefined;
        continue;
      }
      // Events up to the head are committed, but a read stops short of a transaction still open
      // (perhaps in another database of the cluster: it cannot always tell). Returning here would
      // leave them unapplied, so wait for it to end, boundedly.
      heldBackSince ??= Date.now();
      if (Date.now() - heldBackSince > CATCH_UP_HELD_BACK_MS) {
        throw new Error(
          `catch-up held back for ${CATCH_UP_HELD_BACK_MS} ms short of the log's head by an open transaction`,
        );
      }
      await sleep(HELD_BACK_POLL_MS);
    }
  }

  /**
   * Applies the events after `from` up to `until` to `member` on the caller's transaction (a
   * rebuild's last few events, applied while it holds the live tables' locks to swap them), and
   * moves its checkpoint there; returns the new checkpoint.
   */
  async applyWithin(client: PoolClient, member: Projection, from: Checkpoint, until: LogPosition): Promise<Checkpoint> {
    const { rows } = await client.query<{ path: string }>(`select current_setting('search_path') as path`);
    await this.useSchema(client);
    let checkpoint = from;
    for (;;) {
      const page = (await this.store.readAll({ after: checkpoint.logPosition, maxCount: DEFAULT_BATCH_SIZE })).filter(
        (e) => compareLogPositions(e.logPosition, until) <= 0,
      );
      if (page.length === 0) break;
      const planned = await this.plan([member], page);
      const work = planned.work[0];
      if (work instanceof ProjectionFailure) throw work;
      await runExecutions(client, work);
      if (!(await advanceCheckpoint(client, member.name, checkpoint, planned.to, planned.size))) {
        throw new CheckpointMovedError(member.name);
      }
      checkpoint = planned.to;
    }
    await client.query(`select set_config('search_path', $1, true)`, [rows[0].path]);
    return checkpoint;
  }

  /**
   * Finds the event `member` cannot apply: from its checkpoint, applies pages smaller and smaller
   * (each page that passes is committed, as always) until a page of one event fails; that event is
   * the poison, and the checkpoint now sits just before it. Undefined when everything up to `until`
   * applied after all (the failure came from a page as a whole). A transient failure is retried with
   * backoff a few times, then thrown.
   */
  async isolate(member: Projection, until: LogPosition, signal?: AbortSignal): Promise<Poison | undefined> {
    let lastFailure: ProjectionFailure | undefined;
    for (const batchSize of ISOLATION_SIZES) {
      for (let attempt = 0; ; attempt++) {
        const from = (await statesOf(this.pool, [member.name], this.schema)).get(member.name)!;
        try {
          await this.advance([member], from, { until, batchSize });
          return undefined;
        } catch (error) {
          const [failure] = failuresOf(error);
          if (!failure) throw error;
          if (transientKind(failure) && attempt < CONTENTION_RETRIES && !signal?.aborted) {
            await sleep(backoffMs(attempt), undefined, { signal }).catch(() => undefined);
            continue;
          }
          if (transientKind(failure)) throw failure;
          lastFailure = failure;
          break;
        }
      }
    }
    const from = (await statesOf(this.pool, [member.name], this.schema)).get(member.name)!;
    const [event] = await this.store.readAll({ after: from.logPosition, maxCount: 1 });
    if (!event || !lastFailure) return undefined;
    return {
      position: event.position,
      eventId: event.id,
      eventType: event.type,
      error: messageOf(lastFailure.cause),
    };
  }

  /** Isolates the event `member` cannot apply and parks the projection there, durably. */
  async parkAtPoison(member: Projection, signal?: AbortSignal): Promise<Poison | undefined> {
    const poison = await this.isolate(member, await this.store.head(), signal);
    if (!poison) return undefined;
    await park(this.pool, member.name, poison, this.schema);
    if (this.schema) return poison; // a rebuild reports it itself
    logger.error(
      `${member.name} parked at position ${poison.position} (${poison.eventType} ${poison.eventId}): ${poison.error}; ` +
        `the other read models go on. Fix the cause, then run: ledger-cli projections rebuild ${member.name}`,
    );
    return poison;
  }

  /**
   * Follows the log for every projection whose lock this process can take, until the signal aborts;
   * tries to take over the others every few seconds. Returns false at once if it could take none.
   * A projection that fails holds back only itself: a lost connection is retried with backoff for
   * as long as it lasts, contention a few times; an event it cannot apply parks it (see `isolate`).
   */
  async run(options: RunOptions): Promise<boolean> {
    const locks = new Map<string, Client>();
    /** Projections that failed transiently: until when they rest, and how many times in a row. */
    const resting = new Map<string, number>();
    const attempts = new Map<string, number>();
    const rest = (name: string) => {
      const attempt = attempts.get(name) ?? 0;
      attempts.set(name, attempt + 1);
      resting.set(name, Date.now() + backoffMs(attempt));
      return attempt + 1;
    };
    const member = options.share ? await joinProjectors(this.pool) : undefined;
    const takeLocks = async () => {
      const share = member
        ? Math.ceil(this.projections.length / Math.max(1, await projectorCount(this.pool)))
        : this.projections.length;
      // Over its share (a projector joined): let go of the last ones, between pages, for the newcomer.
      for (const name of [...locks.keys()].slice(share)) {
        await locks
          .get(name)!
          .end()
          .catch(() => undefined);
        locks.delete(name);
      }
      for (const projection of this.projections) {
        if (locks.size >= share) break;
        if (locks.has(projection.name)) continue;
        const lock = await tryLock(this.pool, projection.name);
        if (lock) locks.set(projection.name, lock);
      }
    };
    try {
      await takeLocks();
      if (locks.size === 0 && !member) return false;
      let lastTakeover = Date.now();
      while (!options.signal.aborted) {
        const rebalance = member !== undefined || locks.size < this.projections.length;
        if (rebalance && Date.now() - lastTakeover > TAKEOVER_INTERVAL_MS) {
          await takeLocks();
          lastTakeover = Date.now();
        }
        // Checkpoints are read afresh every round: a rebuild may have swapped one under this runner
        // (its compare-and-set then fails once and the runner continues from the new one), or
        // unparked it.
        const held = this.projections.filter((p) => locks.has(p.name) && !((resting.get(p.name) ?? 0) > Date.now()));
        let applied = 0;
        for (const cluster of await this.clusters(held)) {
          try {
            const done = await this.advance(cluster.members, cluster.from, {
              batchSize: options.batchSize,
              maxPages: 4,
              onBatch: options.onBatch,
            });
            applied += done;
            for (const member of cluster.members) attempts.delete(member.name);
          } catch (error) {
            applied++;
            await this.failed(cluster.members, error, rest, options.signal);
          }
          if (options.signal.aborted) break;
        }
        if (applied === 0)
          await sleep(options.idleMs ?? 50, undefined, { signal: options.signal }).catch(() => undefined);
      }
      return true;
    } finally {
      for (const lock of locks.values()) await lock.end().catch(() => undefined);
      await member?.end().catch(() => undefined);
    }
  }

  /** What `run` does with a cluster's failure: each failed member rests, or is isolated and parked. */
  private async failed(
    members: readonly Projection[],
    error: unknown,
    rest: (name: string) => number,
    signal: AbortSignal,
  ): Promise<void> {
    if (error instanceof CheckpointMovedError) {
      logger.warn(error.message);
      return;
    }
    const failures = failuresOf(error);
    if (failures.length === 0) {
      // Not one projection's fault (reading the log failed): the whole cluster rests.
      logger.error(`${members.map((p) => p.name).join(', ')}: ${messageOf(error)}; retrying`);
      for (const member of members) rest(member.name);
      return;
    }
    for (const failure of failures) {
      const member = members.find((p) => p.name === failure.projection);
      if (!member) continue;
      const kind = transientKind(failure);
      if (kind === 'connection' || (kind === 'contention' && rest(member.name) <= CONTENTION_RETRIES)) {
        if (kind === 'connection') rest(member.name);
        logger.warn(`${failure.message}; retrying`);
        continue;
      }
      try {
        if (!(await this.parkAtPoison(member, signal))) rest(member.name);
      } catch (isolating) {
        logger.error(`${member.name}: ${messageOf(isolating)}; retrying`);
        rest(member.name);
      }
    }
  }
}

/**
 * Runs one projection: holds its advisory lock (one runner per projection across replicas and the
 * CLI), follows the log from its checkpoint, and applies each batch in one transaction that also
 * advances the checkpoint with a compare-and-set.
 */
export class ProjectionRunner extends ProjectionGroupRunner {
  constructor(
    readonly projection: Projection,
    store: EventStore,
    pool: Pool,
  ) {
    super([projection], store, pool);
  }

  static async checkpointOf(pool: Pool | PoolClient, name: string): Promise<Checkpoint> {
    const { logPosition, position } = (await statesOf(pool, [name])).get(name)!;
    return { logPosition, position };
  }

  /** Applies a batch and moves the checkpoint from `from` to its last event, atomically. */
  applyBatch(from: Checkpoint, batch: readonly RecordedEvent[]): Promise<Checkpoint> {
    return this.applyPage([this.projection], from, batch);
  }

  /** Tries to take this projection's lock; the caller passes the client to `unlock`. */
  tryLock(): Promise<Client | undefined> {
    return tryLock(this.pool, this.projection.name);
  }

  /** Releases the lock by ending its session. */
  async unlock(client: Client): Promise<void> {
    await client.end();
  }

  /**
   * Applies everything up to the log's head at the time of the call (a rebuild's catch-up), without
   * the lock: the caller holds it.
   */
  async catchUp(onBatch?: (checkpoint: Checkpoint, applied: number) => void, batchSize?: number): Promise<Checkpoint> {
    await this.catchUpAll(onBatch, batchSize);
    return ProjectionRunner.checkpointOf(this.pool, this.projection.name);
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
    new Logger(`Projection:${this.projection.name}`).log('reset: rebuilding from the start of the log');
  }
}

/** Waits for all of them, then throws the failure if one failed, or all of them together. */
async function settled(commits: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(commits))
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as unknown);
  if (failed.length === 1) throw failed[0];
  if (failed.length > 1) throw new AggregateError(failed, failed.map(messageOf).join('; '));
}

/**
 * Tries to take a projection's lock. The lock lives as long as its session, so it gets a connection
 * of its own outside the pool: held from the pool, one per projection, it would starve the requests
 * that share the pool.
 */
/**
 * Joins the projectors sharing this database: a session holding one of MAX_PROJECTORS advisory locks
 * in MEMBER_NAMESPACE. It ends with its process (a killed process's sessions end with it), so the
 * count of those locks held is the count of live projectors.
 */
async function joinProjectors(pool: Pool): Promise<Client> {
  const client = new Client(pool.options);
  client.on(
    'error',
    (error) => databaseClosing() || logger.warn(`projector membership connection lost: ${error.message}`),
  );
  await client.connect();
  try {
    for (let place = 0; place < MAX_PROJECTORS; place++) {
      const { rows } = await client.query<{ joined: boolean }>(
        'select pg_try_advisory_lock(hashtext($1), $2) as joined',
        [MEMBER_NAMESPACE, place],
      );
      if (rows[0].joined) return client;
    }
  } catch (error) {
    await client.end();
    throw error;
  }
  await client.end();
  throw new Error(`more than ${MAX_PROJECTORS} projector processes on one database`);
}

/** Live projectors on this database, this one included. */
async function projectorCount(pool: Pool): Promise<number> {
  // Two-key advisory locks show in pg_locks as classid = first key, objid = second, objsubid = 2.
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from pg_locks
      where locktype = 'advisory' and granted and objsubid = 2 and classid = hashtext($1)::oid
        and database = (select oid from pg_database where datname = current_database())`,
    [MEMBER_NAMESPACE],
  );
  return rows[0].n;
}

async function tryLock(pool: Pool, name: string): Promise<Client | undefined> {
  const client = new Client(pool.options);
  // A lock connection that dies (server restart, database dropped) must not crash the process;
  // the runner's next query on the pool fails and its supervisor starts it again.
  client.on('error', (error) => databaseClosing() || logger.warn(`lock connection of ${name} lost: ${error.message}`));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock(hashtext($1), hashtext($2)) as locked',
      [LOCK_NAMESPACE, name],
    );
    if (rows[0].locked) return client;
  } catch (error) {
    await client.end();
    throw error;
  }
  await client.end();
  return undefined;
}
