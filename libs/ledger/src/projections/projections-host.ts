import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_STORE, START_OF_LOG, compareLogPositions, type EventStore, type LogPosition } from '@ledger/event-store';
import { Database } from '@ledger/runtime';
import { DomainError } from '../common/domain-error';
import { ALL_PROJECTIONS } from '../all-projections';
import type { Projection } from './projection';
import { statesOf, type ParkedAt } from './checkpoints';
import { ProjectionRebuild } from './rebuild';
import { ProjectionGroupRunner, ProjectionRunner, type Checkpoint } from './projection-runner';

export interface ProjectionStatus {
  name: string;
  /** Client-visible position of the last event applied. */
  position: number;
  /** Events in the log not yet applied (counted up to 10,000). */
  lag: number;
  /** `parked`: it met an event it cannot apply and waits for a fix and a rebuild. */
  status: 'running' | 'parked';
  parked?: ParkedAt;
}

/** How long a query waits for `minPosition` before answering 503. */
const MIN_POSITION_WAIT_MS = 5_000;
const LAG_COUNT_LIMIT = 10_000;
/** How often a replica that does not hold a projection's lock tries to take it over. */
const TAKEOVER_INTERVAL_MS = 2_000;

/**
 * Runs every projection inside the process (the API by default, `ledger-cli projections run` when a
 * county runs several API replicas: each projection's advisory lock lets exactly one process apply
 * it, and the others take over if it stops). Also answers lag and `minPosition` waits.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly controller = new AbortController();
  private readonly running: Promise<void>[] = [];
  readonly projections: readonly Projection[] = ALL_PROJECTIONS;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: Database,
  ) {}

  runnerFor(projection: Projection): ProjectionRunner {
    return new ProjectionRunner(projection, this.store, this.database.pool);
  }

  /** A rebuild of these read models beside the live ones (see ProjectionRebuild). */
  rebuilder(projections: readonly Projection[]): ProjectionRebuild {
    return new ProjectionRebuild(projections, this.store, this.database.pool);
  }

  checkpoint(name: string): Promise<Checkpoint> {
    return ProjectionRunner.checkpointOf(this.database.pool, name);
  }

  /**
   * Starts one supervised runner for every projection; returns at once. The runner reads the log once
   * for all the projections it holds the locks of, and applies each page to those at the same place
   * in one transaction.
   */
  start(): void {
    this.running.push(this.supervise(new ProjectionGroupRunner(this.projections, this.store, this.database.pool)));
  }

  private async supervise(runner: ProjectionGroupRunner): Promise<void> {
    const signal = this.controller.signal;
    while (!signal.aborted) {
      try {
        // Shared with any other projector on this database (API instances, `ledger-cli projections run`).
        const ran = await runner.run({ signal, share: true });
        if (!ran) await sleep(TAKEOVER_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
      } catch (error) {
        if (signal.aborted) break;
        // Report and retry: a stalled projection shows as growing lag in /health.
        this.logger.error(`projections failed: ${error instanceof Error ? error.message : String(error)}; retrying`);
        await sleep(1_000, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    const states = await statesOf(
      this.database.pool,
      this.projections.map((p) => p.name),
    );
    return Promise.all(
      this.projections.map(async (projection) => {
        const state = states.get(projection.name)!;
        const ahead = await this.store.readAll({ after: state.logPosition, maxCount: LAG_COUNT_LIMIT });
        return {
          name: projection.name,
          position: state.position,
          lag: ahead.length,
          status: state.status,
          ...(state.parked && { parked: state.parked }),
        };
      }),
    );
  }

  /** Throws, naming it, when one of the named read models is parked (it will not catch up). */
  async refuseParked(names: readonly string[]): Promise<void> {
    const states = await statesOf(this.database.pool, names);
    const parked = [...states].find(([, s]) => s.status === 'parked');
    if (parked) this.parked(parked[1].position + 1, parked[0], parked[1].parked);
  }

  /**
   * Waits until the named projections have applied the event at `position` (a query's
   * `minPosition`); refuses with 503 after five seconds, or at once when one of them is parked
   * before it (it will not get there without a rebuild).
   */
  async waitFor(position: number | undefined, names: readonly string[]): Promise<void> {
    if (position === undefined || position <= 0) return;
    const target = await this.store.logPositionOf(position);
    if (!target) return this.notReady(position);
    return this.waitForLogPosition(target, position, names);
  }

  /**
   * Waits until the named projections have applied everything the log held when called: for a
   * command that decides from a read model (a reconciliation reads the township's payments there, a
   * collective's distribution its income).
   */
  async waitForHead(names: readonly string[]): Promise<void> {
    const head = await this.store.head();
    if (compareLogPositions(head, START_OF_LOG) === 0) return;
    return this.waitForLogPosition(head, Number(head.prepare), names);
  }

  private async waitForLogPosition(target: LogPosition, position: number, names: readonly string[]): Promise<void> {
    const deadline = Date.now() + MIN_POSITION_WAIT_MS;
    for (;;) {
      const states = await statesOf(this.database.pool, names);
      const behind = [...states].filter(([, s]) => compareLogPositions(s.logPosition, target) < 0);
      if (behind.length === 0) return;
      const parked = behind.find(([, s]) => s.status === 'parked');
      if (parked) return this.parked(position, parked[0], parked[1].parked);
      if (Date.now() > deadline) return this.notReady(position);
      await sleep(25);
    }
  }

  private notReady(position: number): never {
    throw new DomainError(
      'QUERY.NOT_CAUGHT_UP',
      'unavailable',
      `The read model has not yet reached position ${position}; retry shortly.`,
      `报表尚未更新到位置 ${position}，请稍后重试。`,
    );
  }

  private parked(position: number, name: string, at: ParkedAt | undefined): never {
    const where = at ? ` at position ${at.position} (${at.eventType})` : '';
    throw new DomainError(
      'QUERY.READ_MODEL_PARKED',
      'unavailable',
      `The read model ${name} is parked${where}: it met an event it cannot apply and will not reach position ${position} ` +
        `until an operator repairs it (ledger-cli projections rebuild ${name}).`,
      `报表 ${name} 已暂停${at ? `（位置 ${at.position}，${at.eventType}）` : ''}：遇到无法处理的事件，在管理员修复` +
        `（ledger-cli projections rebuild ${name}）之前无法更新到位置 ${position}。`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.running);
  }
}

/** Starts the projections inside the API once the app is up. */
@Injectable()
export class InlineProjections implements OnApplicationBootstrap {
  constructor(private readonly host: ProjectionsHost) {}

  onApplicationBootstrap(): void {
    if (process.env.LEDGER_INLINE_PROJECTIONS === 'false') return;
    this.host.start();
  }
}
