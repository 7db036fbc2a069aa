import type { RecordedEvent } from '@ledger/event-store';
import type { DomainEvent } from '../common/decider';
import { toDomainEvent } from '../common/stream-writer';
import type { LedgerEventType } from './ledger-event';

/**
 * A set-based statement: it applies any number of rows at once, each row one event's worth, read
 * from array parameters (one array per column, element i of each array being row i). Made with
 * `rowStatement`. The runner sends the rows that a run of events produced for the same statement as
 * one execution, so a page of events costs a handful of statements instead of one per event.
 *
 * The author of a row statement promises that applying rows r1…rn in one execution means the same
 * as applying them one at a time in that order (inserts `on conflict do nothing` in row order, so
 * the first of two rows with one key wins; updates pick the row that would have won), and names
 * every table it reads and writes, so that the runner only moves a row earlier past statements that
 * touch none of them.
 */
export interface RowStatement {
  readonly text: string;
  /** Column types of the row, in parameter order. */
  readonly types: readonly string[];
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  /**
   * Finer than `reads` and `writes`: the rows of its tables a row reads and writes, as `table:key`
   * (or `table` for any row of it), so that rows that touch other keys of a table may still move past
   * it. Must name, for every table in `reads` and `writes`, every key the row can touch.
   */
  readonly keys?: (row: readonly unknown[]) => Access;
  /**
   * No execution holds two rows that write the same key (the runner starts another execution
   * instead), so the statement need not order its rows by `r.ord` for the first to win.
   */
  readonly onePerKey: boolean;
}

/** The rows of tables a statement reads and writes: `table:key`, or `table` for all of them. */
export interface Access {
  reads: readonly string[];
  writes: readonly string[];
}

/** One row of a row statement. */
export interface RowSql {
  statement: RowStatement;
  row: readonly unknown[];
}

/**
 * A row statement. `sql` names the rows `ROWS`, which becomes
 * `unnest($1::type1[], $2::type2[], …) with ordinality as r(column1, column2, …, ord)`: the query
 * reads them as `r.column`, and `r.ord` is the row's place in the run (order by it wherever order
 * matters).
 */
export function rowStatement(spec: {
  columns: Readonly<Record<string, string>>;
  sql: string;
  reads?: readonly string[];
  writes: readonly string[];
  /** The keys a row touches (see RowStatement.keys), from the row's values by column name. */
  keys?: (row: Readonly<Record<string, unknown>>) => Access;
  /** See RowStatement.onePerKey (needs `keys`). */
  onePerKey?: boolean;
}): RowStatement {
  const names = Object.keys(spec.columns);
  const types = Object.values(spec.columns);
  if (!spec.sql.includes('ROWS')) throw new Error('a row statement reads its rows from ROWS');
  const rows = `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) with ordinality as r(${names.join(', ')}, ord)`;
  const keysOf = spec.keys;
  if (spec.onePerKey && !keysOf) throw new Error('a statement with one row per key names its keys');
  return {
    text: spec.sql.replace(/\bROWS\b/g, rows),
    types,
    reads: spec.reads ?? [],
    writes: spec.writes,
    onePerKey: spec.onePerKey === true,
    ...(keysOf && {
      keys: (values: readonly unknown[]) => {
        // A loop rather than Object.fromEntries: this runs for every row of a page.
        const record: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) record[names[i]] = values[i];
        return keysOf(record);
      },
    }),
  };
}

/**
 * Rows each inserted once: the first row with a key wins (`on conflict (key) do nothing`, in row
 * order), as inserting them one at a time would.
 */
export function insertOnce(table: string, key: string, columns: Readonly<Record<string, string>>): RowStatement {
  const names = Object.keys(columns);
  return rowStatement({
    columns,
    sql: `insert into ${table} (${names.join(', ')})
          select ${names.map((n) => `r.${n}`).join(', ')} from ROWS order by r.ord
          on conflict (${key}) do nothing`,
    writes: [table],
    keys: (r) => ({ reads: [], writes: [`${table}:${String(r[key])}`] }),
  });
}

/**
 * Columns set on the existing row with the key: the last row for a key wins, as updating one at a
 * time would leave it.
 */
export function lastWins(table: string, key: string, columns: Readonly<Record<string, string>>): RowStatement {
  const names = Object.keys(columns).filter((n) => n !== key);
  return rowStatement({
    columns,
    sql: `update ${table} t set ${names.map((n) => `${n} = c.${n}`).join(', ')}
          from (select distinct on (r.${key}) r.${key}, ${names.map((n) => `r.${n}`).join(', ')}
                  from ROWS order by r.${key}, r.ord desc) c
         where t.${key} = c.${key}`,
    reads: [table],
    writes: [table],
    keys: (r) => ({ reads: [`${table}:${String(r[key])}`], writes: [`${table}:${String(r[key])}`] }),
  });
}

/** One row of `statement`, its values in the order of the statement's columns. */
export function row(statement: RowStatement, ...values: unknown[]): RowSql {
  if (values.length !== statement.types.length) {
    throw new Error(`a row of ${statement.types.length} columns was given ${values.length} values`);
  }
  return { statement, row: values };
}

/**
 * A read model fed from the log: a function from an event to the SQL that applies it. The runner
 * runs those statements in one transaction with the projection's checkpoint, so a crash at any
 * point neither loses nor double-counts an event.
 */
export interface Projection {
  /** Stable name: the checkpoint's key and what `ledger-cli projections rebuild <name>` takes. */
  readonly name: string;
  /**
   * The event types `apply` handles, made with `handledTypes` from a choice for every event type of
   * the ledger: a new event type is a type error here until the projection handles or ignores it.
   */
  readonly handles: readonly LedgerEventType[];
  /** Tables the projection owns, rebuilt beside the live ones and swapped in (see rebuild.ts). */
  readonly tables: readonly string[];
  /** The statements that apply one event; none for events the projection does not care about. */
  apply(event: RecordedEvent): RowSql[];
}

/**
 * The recorded event as one of `types` (upcast to the current schema), or undefined when it is of
 * another type: lets a projection switch exhaustively over the events it handles.
 */
export function eventOf<Event extends DomainEvent>(
  recorded: RecordedEvent,
  types: readonly Event['type'][],
): Event | undefined {
  return (types as readonly string[]).includes(recorded.type) ? toDomainEvent<Event>(recorded) : undefined;
}

/**
 * The row of a payment paid again (a bank reissue, 重新发放): a copy of the returned payment's row in
 * `table`, under the new payment id, with the `given` columns from the event (paid on, recorded at…).
 * Nothing is inserted where the returned payment has no row (a payment kind the table does not keep).
 */
export function reissuedCopy(
  table: string,
  copied: readonly string[],
  given: Readonly<Record<string, string>> = {},
): RowStatement {
  const givenNames = Object.keys(given);
  return rowStatement({
    columns: { payment_id: 'text', reissue_of: 'text', ...given },
    sql: `insert into ${table} (payment_id, ${[...copied, ...givenNames].join(', ')})
          select r.payment_id, ${[...copied.map((c) => `o.${c}`), ...givenNames.map((c) => `r.${c}`)].join(', ')}
            from ROWS join ${table} o on o.payment_id = r.reissue_of
          order by r.ord
              on conflict (payment_id) do nothing`,
    reads: [table],
    writes: [table],
    keys: (r) => ({ reads: [`${table}:${String(r.reissue_of)}`], writes: [`${table}:${String(r.payment_id)}`] }),
  });
}
