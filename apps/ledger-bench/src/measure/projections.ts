import type { Pool } from 'pg';
import type { EventStore } from '@ledger/event-store';
import { ALL_PROJECTIONS } from '@ledger/ledger/all-projections';
import { ProjectionGroupRunner, ProjectionRunner } from '@ledger/ledger/projections/projection-runner';
import { msSince, repeat, type Spread } from '../stats';

export interface ProjectionResults {
  /** Log events per second until every projection has caught up from zero, all at once (as the service runs them: one read of the log, one transaction per page for all). */
  catchUp: Spread;
  /** Each projection alone, from zero: log events per second (one run each, when asked). */
  each: Record<string, number>;
  /** Seconds until each projection had caught up, in the runs with all of them at once. */
  finishedAfter: Record<string, number[]>;
}

async function resetAll(store: EventStore, pool: Pool): Promise<void> {
  for (const projection of ALL_PROJECTIONS) {
    await new ProjectionRunner(projection, store, pool).reset();
    // Deleted rows would otherwise slow the next run down: start each from clean tables.
    for (const table of projection.tables) await pool.query(`vacuum analyze ${table}`);
  }
}

export async function measureProjections(
  store: EventStore,
  pool: Pool,
  logEvents: number,
  runs: number,
  log: (line: string) => void,
  options: { each?: boolean } = {},
): Promise<ProjectionResults> {
  const each: Record<string, number> = {};
  if (options.each === true) {
    for (const projection of ALL_PROJECTIONS) {
      await resetAll(store, pool);
      log(`projection ${projection.name} alone from zero over ${logEvents} events`);
      const start = process.hrtime.bigint();
      await new ProjectionRunner(projection, store, pool).catchUp();
      each[projection.name] = (logEvents * 1000) / msSince(start);
    }
  }
  log(`all ${ALL_PROJECTIONS.length} projections at once from zero over ${logEvents} events × ${runs}`);
  const finishedAfter: Record<string, number[]> = {};
  const catchUp = await repeat(runs, async () => {
    await resetAll(store, pool);
    const start = process.hrtime.bigint();
    // As the service runs them: the log read once for all, each page applied to all in one transaction.
    await new ProjectionGroupRunner(ALL_PROJECTIONS, store, pool).catchUpAll();
    for (const p of ALL_PROJECTIONS) (finishedAfter[p.name] ??= []).push(Math.round(msSince(start)) / 1000);
    return (logEvents * 1000) / msSince(start);
  });
  return { catchUp, each, finishedAfter };
}
