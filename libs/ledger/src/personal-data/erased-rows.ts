import { rowStatement, type RowStatement } from '../projections/projection';
import { ERASED } from './personal-fields';

/**
 * What a projection does with `HouseholdErased`: overwrite the household's personal columns with
 * `[已删除]` (the live read model). A rebuild needs none of this, since the events then open as
 * `[已删除]` themselves; this makes the live tables say the same without waiting for one. Rows are
 * `[householdId]`. No `keys`: an erasure touches every row of the household, so the runner orders it
 * against whole tables (erasures are rare; precision buys nothing here).
 */
export function erasedColumns(table: string, columns: readonly string[]): RowStatement {
  return rowStatement({
    columns: { household_id: 'text' },
    // A column that was null (no reason given) stays null: there was nothing to erase.
    sql: `update ${table} t set ${columns.map((c) => `${c} = case when t.${c} is null then null else '${ERASED}' end`).join(', ')}
            from ROWS where t.household_id = r.household_id`,
    reads: [table],
    writes: [table],
  });
}

/** The same for a personal field inside a JSON column (a worker's name in a line's basis or terms). */
export function erasedJsonField(table: string, column: string, field: string): RowStatement {
  return rowStatement({
    columns: { household_id: 'text' },
    sql: `update ${table} t set ${column} = jsonb_set(t.${column}, '{${field}}', to_jsonb('${ERASED}'::text))
            from ROWS where t.household_id = r.household_id and t.${column} ? '${field}'`,
    reads: [table],
    writes: [table],
  });
}
