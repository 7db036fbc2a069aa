import { escapeLiteral, type PoolClient } from 'pg';
import type { Sql } from './projection';

// node-postgres's own conversion of a parameter to the text it sends, so that a value means exactly
// what it would mean as a bound parameter (dates, arrays, objects as JSON, buffers).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string | Buffer | null };

/** Distinct statements prepared per batch; a projection that makes more runs the rest one by one. */
const MAX_PREPARED_PER_BATCH = 256;
/** Largest script sent in one round trip. */
const MAX_SCRIPT_CHARS = 4 * 1024 * 1024;

/** Most rows merged into one multi-row INSERT. */
const MAX_MERGED_ROWS = 1000;

/**
 * `INSERT INTO t (cols) VALUES (<parameters, casts, plain constants>) [ON CONFLICT [(…)] DO NOTHING]`:
 * consecutive runs of the same such statement are sent as one multi-row INSERT, which means the same
 * (each row coerced to its column; DO NOTHING skips a row that conflicts, with the table or with an
 * earlier row of the same statement). ON CONFLICT DO UPDATE, RETURNING and anything else never merge.
 */
const MERGEABLE =
  /^(insert\s+into\s+[a-z_][a-z0-9_.]*\s*\([a-z0-9_,\s]*\)\s*values\s*)\(((?:\s*(?:\$\d+|'[^'$]*'|-?\d+(?:\.\d+)?|null|true|false)(?:\s*::\s*[a-z_][a-z0-9_]*(?:\[\])?)?\s*,?)+)\)(\s*(?:on\s+conflict\s*(?:\([a-z0-9_,\s]*\))?\s*do\s+nothing)?)$/i;

/** The statement as one multi-row INSERT of `rows` (each a statement's values), or undefined when it cannot merge. */
export function mergedInsert(body: string, rows: readonly (readonly unknown[])[]): string | undefined {
  const match = MERGEABLE.exec(body);
  if (!match) return undefined;
  const [, head, tuple, tail] = match;
  const tuples = rows.map(
    (values) => `(${tuple.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]))})`,
  );
  return `${head}${tuples.join(',\n')}${tail}`;
}

let nextName = 0;
const PREFIX = 'ledger_projection_';
/** Connections where a batch failed: the statements it prepared may still exist there. */
const unclean = new WeakSet<PoolClient>();

/** A value as an SQL literal of unknown type: the server reads it with the parameter type's input function, as it does a bound parameter. */
function literal(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (Buffer.isBuffer(text)) return `'\\x${text.toString('hex')}'`;
  return escapeLiteral(text);
}

/**
 * Runs a batch's statements, in order, in as few round trips as possible. Each distinct statement is
 * prepared once for the batch (`PREPARE`: parsed once, and after a few executions its plan can be
 * reused) and the statements are sent as `EXECUTE name(literals…)`, many to a simple-protocol script,
 * so a catch-up costs a few round trips per batch instead of one per statement; a run of the same
 * plain `INSERT … VALUES` becomes one multi-row insert. The caller's transaction keeps the batch
 * atomic as before. The prepared statements are dropped at the end of the batch, so no plan outlives
 * the table sizes it was made for (a read model grows from nothing during a rebuild).
 */
export async function runStatements(client: PoolClient, statements: readonly Sql[]): Promise<void> {
  const names = new Map<string, string>();
  let script = '';
  const send = async () => {
    if (script) await client.query(script);
    script = '';
  };
  if (unclean.has(client)) {
    // A failed batch left its prepared statements behind (they outlive the rollback): drop them first.
    const { rows } = await client.query<{ name: string }>(
      `select name from pg_prepared_statements where name like '${PREFIX}%'`,
    );
    for (const { name } of rows) script += `DEALLOCATE ${name};\n`;
    unclean.delete(client);
  }
  try {
    for (let i = 0; i < statements.length; i++) {
      const { text, values } = statements[i];
      const body = text.trim().replace(/;+\s*$/, '');
      // A run of the same plain INSERT … VALUES: one multi-row statement.
      let run = i + 1;
      while (run < statements.length && run - i < MAX_MERGED_ROWS && statements[run].text === text) run++;
      if (run - i > 1 && values && values.length > 0) {
        const merged = mergedInsert(
          body,
          statements.slice(i, run).map((st) => st.values ?? []),
        );
        if (merged !== undefined) {
          script += `${merged}\n;\n`;
          i = run - 1;
          if (script.length >= MAX_SCRIPT_CHARS) await send();
          continue;
        }
      }
      if (!values || values.length === 0) {
        script += `${body}\n;\n`;
      } else {
        let name = names.get(body);
        if (name === undefined && names.size < MAX_PREPARED_PER_BATCH) {
          name = `${PREFIX}${process.pid}_${nextName++}`;
          script += `PREPARE ${name} AS ${body}\n;\n`;
          names.set(body, name);
        }
        if (name === undefined) {
          // Too many distinct statements to prepare: this one goes on its own, in order.
          await send();
          await client.query(text, values);
          continue;
        }
        script += `EXECUTE ${name}(${values.map(literal).join(', ')});\n`;
      }
      if (script.length >= MAX_SCRIPT_CHARS) await send();
    }
    // No plan outlives its batch.
    for (const name of names.values()) script += `DEALLOCATE ${name};\n`;
    await send();
  } catch (error) {
    unclean.add(client);
    throw error;
  }
}
