import type { Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** One CSV column: its header and how to read it from a row. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | boolean | null | undefined;
}

/** True when the client asked for CSV (`Accept: text/csv`). */
export function wantsCsv(request: Request): boolean {
  return /\btext\/csv\b/i.test(request.header('accept') ?? '');
}

/** What a spreadsheet reads as the start of a formula (OWASP's list, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as it is safe to hand to Excel or WPS: text starting like a formula (`=HYPERLINK(…)`,
 * `+1`, `-2`, `@SUM`, a tab or carriage return) gets a leading single quote, so it shows as the text
 * it is and never runs; numbers and booleans stay as they are (a negative number is a number).
 */
export function csvCell(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Sends rows as CSV: UTF-8 with a byte-order mark (so Excel opens Chinese correctly), a header row,
 * one row per item and no totals row. Every text cell goes through {@link csvCell}.
 */
export function sendCsv<Row>(
  response: Response,
  rows: readonly Row[],
  columns: readonly CsvColumn<Row>[],
  filename: string,
): void {
  const body = stringify(
    rows.map((row) => columns.map((c) => csvCell(c.value(row)))),
    { header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' },
  );
  response
    .status(200)
    .setHeader('Content-Type', 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .send(`\uFEFF${body}`);
}
