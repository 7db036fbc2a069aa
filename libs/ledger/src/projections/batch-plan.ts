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
  rows: (readonly unknown[])[];
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
        // A second row for a key it writes starts another execution after this one.
        if (!sql.statement.onePerKey || !access.writes.some((key) => earlier.writes.keys.has(key))) step = earlier;
        break;
      }
      if (dependsOn(earlier, access)) break;
    }
    if (!step) {
      step = { statement: sql.statement, rows: [], reads: new Touched(), writes: new Touched() };
      steps.push(step);
    }
    step.rows.push(sql.row);
    step.reads.add(access.reads);
    step.writes.add(access.writes);
  }
  return steps;
}

/**
 * A value as an element of an array literal, read by the element type's input function as the
 * value itself would be as a parameter: strings always quoted (so `NULL`, `""`, braces and commas
 * stay text), instants in ISO 8601 (a `timestamptz` reads the same instant). Projections pass JSON
 * as text, so any other object is a mistake.
 */
function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `"${/["\\]/.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `"${value.toISOString()}"`;
  throw new Error(`a row statement was given ${Object.prototype.toString.call(value)}; pass JSON as text`);
}

/** Column `c` of the rows as an array literal: the parameter $c+1. */
function column(rows: readonly (readonly unknown[])[], c: number): string {
  const elements = new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) elements[r] = element(rows[r][c]);
  return `{${elements.join(',')}}`;
}

/** Most rows sent in one execution of a row statement. */
const MAX_ROWS = 20_000;

/** One execution of a row statement: its text, and its columns as array literals. */
export interface Execution {
  text: string;
  params: string[];
}

/**
 * The executions that run a step, its parameters already made (so that this CPU work can be done
 * while the server is busy with the previous page).
 */
export function executionsOf(step: Step): Execution[] {
  const executions: Execution[] = [];
  for (let from = 0; from < step.rows.length; from += MAX_ROWS) {
    const rows = step.rows.slice(from, from + MAX_ROWS);
    executions.push({
      text: step.statement.text,
      params: step.statement.types.map((_, c) => column(rows, c)),
    });
  }
  return executions;
}

/** Runs the executions in order on the caller's transaction. */
export async function runExecutions(client: PoolClient, executions: readonly Execution[]): Promise<void> {
  for (const { text, params } of executions) await client.query(text, params);
}
