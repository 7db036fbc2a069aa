/**
 * The filters the console's lists share (the "township, village, year, form on every list"),
 * beside list-sort.ts: one function that turns the filters a list accepts into SQL conditions over
 * that list's own columns. The query DTOs validate each filter the same way with one decorator per
 * filter (`IsPlaceFilter`, `IsYearFilter` in http/validators.ts: a bad value is a 400 naming the
 * field). A list accepts only the filters that mean something for it (see the README's table); the
 * rest are unknown query fields and refused as such.
 */

export interface ListFilter {
  county?: string;
  township?: string;
  village?: string;
  year?: number;
}

/** The SQL a list filters each filter on: a text column for places, a date expression for the year. */
export type FilterColumns = { [K in keyof ListFilter]?: string };

/**
 * The conditions (to be joined with `and`) of the filters given, over `columns`; `param` binds a
 * value and returns its placeholder. A filter the list has no column for is a programming error: the
 * DTO should not have offered it.
 */
export function filterConditions(
  filter: ListFilter,
  columns: FilterColumns,
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  for (const name of ['county', 'township', 'village'] as const) {
    const value = filter[name];
    if (value === undefined) continue;
    where.push(`${columnOf(columns, name)} = ${param(value)}`);
  }
  if (filter.year !== undefined) {
    // A range on the date itself, so an index on it serves.
    const year = param(filter.year);
    const column = columnOf(columns, 'year');
    where.push(`${column} >= make_date(${year}::int, 1, 1) and ${column} < make_date(${year}::int + 1, 1, 1)`);
  }
  return where;
}

function columnOf(columns: FilterColumns, name: keyof ListFilter): string {
  const column = columns[name];
  if (column === undefined) throw new Error(`this list has no column for the ${name} filter`);
  return column;
}
