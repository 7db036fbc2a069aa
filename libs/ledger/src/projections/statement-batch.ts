import { escapeLiteral, type PoolClient } from 'pg';
import type { Sql } from './projection';

// node-postgres's own conversion of a parameter to the text it sends, so that a value means exactly
// what it would mean as a bound parameter (dates, arrays, objects as JSON, buffers).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string | Buffer | null };

/** Distinct statements kept prepared per connection; a projection that makes more runs the rest one by one. */
const MAX_PREPARED_PER_CONNECTION = 256;
/** Largest script sent in one round trip. */
const MAX_SCRIPT_CHARS = 4 * 1024 * 1024;

/** Statement text → prepared statement name, per pooled connection (a connection outlives a batch). */
const prepared = new WeakMap<PoolClient, Map<string, string>>();
let nextName = 0;

/** A value as an SQL literal of unknown type: the server reads it with the parameter type's input function, as it does a bound parameter. */
function literal(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (Buffer.isBuffer(text)) return `'\\x${text.toString('hex')}'`;
  return escapeLiteral(text);
}

/**
 * Runs a batch's statements, in order, in as few round trips as possible. Each distinct statement is
 * prepared once per connection (`PREPARE`, so it is parsed once and its plan can be reused) and the
 * statements are sent as `EXECUTE name(literals…)`, many to a simple-protocol script: a catch-up then
 * costs one round trip per batch instead of one per statement. The caller's transaction makes the
 * batch atomic as before. Statements without parameters go into the script as they are.
 *
 * On any error the connection's record of what it has prepared is dropped (a failed script may or may
 * not have prepared its statements; later batches prepare under fresh names).
 */
export async function runStatements(client: PoolClient, statements: readonly Sql[]): Promise<void> {
  let names = prepared.get(client);
  if (!names) {
    names = new Map();
    prepared.set(client, names);
  }
  let script = '';
  const send = async () => {
    if (script) await client.query(script);
    script = '';
  };
  try {
    for (const { text, values } of statements) {
      const body = text.trim().replace(/;+\s*$/, '');
      if (!values || values.length === 0) {
        script += `${body}\n;\n`;
      } else {
        let name = names.get(body);
        if (name === undefined && names.size < MAX_PREPARED_PER_CONNECTION) {
          name = `ledger_projection_${process.pid}_${nextName++}`;
          script += `PREPARE ${name} AS ${body}\n;\n`;
          names.set(body, name);
        }
        if (name === undefined) {
          // Too many distinct statements to keep prepared: this one goes on its own, in order.
          await send();
          await client.query(text, values);
          continue;
        }
        script += `EXECUTE ${name}(${values.map(literal).join(', ')});\n`;
      }
      if (script.length >= MAX_SCRIPT_CHARS) await send();
    }
    await send();
  } catch (error) {
    prepared.delete(client);
    throw error;
  }
}
