import type { PoolClient } from 'pg';
import { isRowSql, type ProjectionSql, type RowStatement, type Sql } from './projection';
import { runStatements } from './statement-batch';

/** A step of a batch: plain statements run in order, or the rows of one row statement run at once. */
export type Step = { kind: 'plain'; statements: Sql[] } | { kind: 'rows'; statement: RowStatement; rows: unknown[][] };

/** How far back a row looks for a step of its statement to join. */
const LOOK_BACK = 64;

function touches(step: Step, statement: RowStatement): boolean {
  if (step.kind === 'plain') return true; // unknown tables: nothing moves past it
  const other = step.statement;
  const intersects = (a: readonly string[], b: readonly string[]) => a.some((t) => b.includes(t));
  return (
    intersects(other.writes, statement.writes) ||
    intersects(other.writes, statement.reads) ||
    intersects(other.reads, statement.writes)
  );
}

/**
 * The statements of a batch (in event order) as steps: each row joins the latest earlier step of the
 * same row statement unless a step in between writes what it reads or writes, or reads what it
 * writes, so every row sees and is seen by exactly what it would have been one at a time. Plain
 * statements are barriers, run in place and in order.
 */
export function planBatch(statements: readonly ProjectionSql[]): Step[] {
  const steps: Step[] = [];
  for (const sql of statements) {
    if (!isRowSql(sql)) {
      const last = steps[steps.length - 1];
      if (last?.kind === 'plain') last.statements.push(sql);
      else steps.push({ kind: 'plain', statements: [sql] });
      continue;
    }
    let joined = false;
    for (let i = steps.length - 1; i >= 0 && i >= steps.length - LOOK_BACK; i--) {
      const step = steps[i];
      if (step.kind === 'rows' && step.statement === sql.statement) {
        step.rows.push([...sql.row]);
        joined = true;
        break;
      }
      if (touches(step, sql.statement)) break;
    }
    if (!joined) steps.push({ kind: 'rows', statement: sql.statement, rows: [[...sql.row]] });
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
    if (step.kind === 'plain') {
      await runStatements(client, step.statements);
      continue;
    }
    for (let from = 0; from < step.rows.length; from += MAX_ROWS) {
      const rows = step.rows.slice(from, from + MAX_ROWS);
      await client.query(step.statement.text, columns(rows, step.statement.types.length));
    }
  }
}
