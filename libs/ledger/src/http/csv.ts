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

/**
 * Sends rows as CSV: UTF-8 with a byte-order mark (so Excel opens Chinese correctly), a header row,
 * one row per item and no totals row.
 */
export function sendCsv<Row>(
  response: Response,
  rows: readonly Row[],
  columns: readonly CsvColumn<Row>[],
  filename: string,
): void {
  const body = stringify(
    rows.map((row) => columns.map((c) => c.value(row) ?? '')),
    { header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' },
  );
  response
    .status(200)
    .setHeader('Content-Type', 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .send(`\uFEFF${body}`);
}
