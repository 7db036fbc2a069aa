import type { PoolClient } from 'pg';
import type { Access, RowSql, RowStatement } from './projection';

/** Keys (`table:key`, or `table` for all its rows) touched in one way, and the tables they are in. */
class Touched {
  readonly keys = new Set<string>();
  readonly tables = new Set<string>();

  add(keys: readonly string[]): void {
    for (const key of keys) {
      this.keys.add(key);
      this.tables.add(tableOf(key));
    }
  }

  /** Whether `key` (or, for a whole table, any of its rows) is among these. */
  has(key: string): boolean {
    const colon = key.indexOf(':');
    if (colon < 0) return this.tables.has(key);
    return this.keys.has(key) || this.keys.has(key.slice(0, colon));
  }
}

function tableOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}

/** A step of a batch: rows of one row statement, run at once. */
export interface Step {
  statement: RowStatement;
  rows: unknown[][];
  reads: Touched;
  writes: Touched;
}

/** How far back a row looks for a step of its statement to join. */
const LOOK_BACK = 64;

/** Whether a row that reads and writes `access` must stay after `step` (it touches what the step changes, or changes what the step touches). */
function dependsOn(step: Step, access: Access): boolean {
  return (
    access.writes.some((key) => step.writes.has(key) || step.reads.has(key)) ||
    access.reads.some((key) => step.writes.has(key))
  );
}

function accessOf(sql: RowSql): Access {
  return sql.statement.keys?.(sql.row) ?? { reads: sql.statement.reads, writes: sql.statement.writes };
}

/**
 * The statements of a batch (in event order) as steps: each row joins the latest earlier step of the
 * same row statement unless a step in between writes what it reads or writes, or reads what it
 * writes (by key where the statements name their keys, else by table), so every row sees and is seen
 * by exactly what it would have been one at a time.
 */
export function planBatch(statements: readonly RowSql[]): Step[] {
  const steps: Step[] = [];
  for (const sql of statements) {
    const access = accessOf(sql);
    let step: Step | undefined;
    for (let i = steps.length - 1; i >= 0 && i >= steps.length - LOOK_BACK; i--) {
      const earlier = steps[i];
      if (earlier.statement === sql.statement) {
        step = earlier;
        break;
      }
      if (dependsOn(earlier, access)) break;
    }
    if (!step) {
      step = { statement: sql.statement, rows: [], reads: new Touched(), writes: new Touched() };
      steps.push(step);
    }
    step.rows.push([...sql.row]);
    step.reads.add(access.reads);
    step.writes.add(access.writes);
  }
  return steps;
}

/** Column i of the rows, as the array parameter $i+1. */
function columns(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const result: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    for (let c = 0; c < width; c++) result[c][r] = values[c] ?? null;
  }
  return result;
}

/** Most rows sent in one execution of a row statement. */
const MAX_ROWS = 20_000;

/** Runs the steps in order on the caller's transaction. */
export async function runSteps(client: PoolClient, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    for (let from = 0; from < step.rows.length; from += MAX_ROWS) {
      const rows = step.rows.slice(from, from + MAX_ROWS);
      await client.query(step.statement.text, columns(rows, step.statement.types.length));
    }
  }
}
