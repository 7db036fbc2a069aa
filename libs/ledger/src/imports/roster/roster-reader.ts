import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type * as ExcelJS from 'exceljs';
import type { Cell } from './cells';
import { RosterDecoder, RosterFileError, type RosterEncoding } from './text-decoding';

export type RosterFormat = 'csv' | 'xlsx';

/** One line of a roster as a spreadsheet numbers it (the header is usually row 1), cells by column. */
export interface RosterLine {
  row: number;
  cells: Cell[];
}

export interface RosterOptions {
  /** The name the file was uploaded under: its extension helps tell the format. */
  fileName?: string;
  /** xlsx only: the sheet to read; the first sheet otherwise. */
  sheet?: string;
}

/** A roster opened for one pass: its lines, streamed, and how far into the file the reader is. */
export interface Roster {
  format: RosterFormat;
  /** CSV: the encoding detected once the lines have been read far enough (see RosterDecoder). */
  encoding(): RosterEncoding | undefined;
  /** xlsx: the sheet read. */
  sheet(): string | undefined;
  lines(): AsyncIterable<RosterLine>;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead(): number;
  size: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (head: Buffer, magic: number[]) => magic.every((b, i) => head[i] === b);

/** Tells the format from the first bytes (an xlsx is a zip), refusing what is neither CSV nor xlsx. */
export async function detectFormat(path: string, fileName = path): Promise<{ format: RosterFormat; size: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 8192));
    await handle.read(head, 0, head.length, 0);
    if (startsWith(head, ZIP)) return { format: 'xlsx', size };
    const ext = extname(fileName).toLowerCase();
    if (startsWith(head, OLE) || ext === '.xls') {
      throw new RosterFileError(
        'IMPORT.UNSUPPORTED_FORMAT',
        'This is an old Excel .xls file; save it as .xlsx or as "CSV UTF-8" and import that.',
        '这是旧版 Excel .xls 文件，请另存为 .xlsx 或“CSV UTF-8”后再导入。',
      );
    }
    if (head.subarray(0, 5).toString('latin1') === '%PDF-' || head.includes(0)) {
      throw new RosterFileError(
        'IMPORT.UNSUPPORTED_FORMAT',
        'The file is neither a CSV nor an .xlsx spreadsheet.',
        '文件既不是 CSV 也不是 .xlsx 表格。',
      );
    }
    if (size === 0) {
      throw new RosterFileError('IMPORT.EMPTY_FILE', 'The file is empty.', '文件是空的。');
    }
    return { format: 'csv', size };
  } finally {
    await handle.close();
  }
}

/** Opens a roster for reading its lines once; call again for another pass. */
export async function openRoster(path: string, options: RosterOptions = {}): Promise<Roster> {
  const { format, size } = await detectFormat(path, options.fileName);
  let consumed = 0;
  const counted = (): Readable => {
    const source = createReadStream(path, { highWaterMark: 64 * 1024 });
    source.on('data', (chunk: Buffer | string) => {
      consumed += chunk.length;
    });
    return source;
  };
  if (format === 'csv') {
    const decoder = new RosterDecoder();
    let used = false;
    return {
      format,
      size,
      encoding: () => (used ? decoder.encoding : undefined),
      sheet: () => undefined,
      bytesRead: () => consumed,
      lines: () => {
        used = true;
        return csvLines(counted(), decoder);
      },
    };
  }
  let sheetName: string | undefined;
  return {
    format,
    size,
    encoding: () => undefined,
    sheet: () => sheetName,
    bytesRead: () => consumed,
    lines: () =>
      xlsxLines(counted(), options.sheet, (name) => {
        sheetName = name;
      }),
  };
}

async function* csvLines(source: Readable, decoder: RosterDecoder): AsyncIterable<RosterLine> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: false,
  });
  source.on('error', (error) => decoder.destroy(error));
  decoder.on('error', (error) => parser.destroy(error));
  source.pipe(decoder).pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RosterFileError(
      'IMPORT.MALFORMED_CSV',
      `The CSV could not be read after row ${row}: ${message}`,
      `CSV 文件在第 ${row} 行之后无法读取（${message}）。`,
    );
  } finally {
    source.destroy();
  }
}

type XlsxValue = ExcelJS.CellValue;

/** A spreadsheet cell's value as a roster cell: formulas by their result, rich text as its text. */
export function xlsxCell(value: XlsxValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return undefined;
      if (typeof result === 'object' && result !== null && !(result instanceof Date)) {
        return 'error' in result ? String(result.error) : undefined;
      }
      return result as Cell;
    }
    if ('text' in value && typeof (value as { text: unknown }).text === 'string')
      return (value as { text: string }).text;
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return undefined;
}

async function* xlsxLines(
  source: Readable,
  wanted: string | undefined,
  onSheet: (name: string) => void,
): AsyncIterable<RosterLine> {
  // The reader wants a stream it can pipe; a PassThrough keeps the byte counter on the file stream.
  const input = new PassThrough();
  source.pipe(input);
  // Loaded on first use: exceljs takes a second or two to load, which a CSV import need not pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const excel = require('exceljs') as typeof ExcelJS;
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      const sheets = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
      seen.push(sheet.name);
      const isWanted = wanted !== undefined ? sheet.name === wanted : (sheets[0]?.name ?? sheet.name) === sheet.name;
      if (!isWanted) {
        // Read through, never skipped: exceljs may have parked this sheet in a temporary file, which it
        // deletes as soon as the loop moves on, possibly before the sheet's stream has opened it.
        for await (const skipped of sheet) void skipped;
        continue;
      }
      found = true;
      onSheet(sheet.name);
      for await (const row of sheet) {
        const values = row.values as XlsxValue[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield { row: row.number, cells };
      }
      break; // the wanted sheet is read; the rest of the workbook is not needed
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RosterFileError(
      'IMPORT.MALFORMED_XLSX',
      `The .xlsx file could not be read: ${message}`,
      `.xlsx 文件无法读取（${message}）。`,
    );
  } finally {
    source.destroy();
  }
  if (!found) {
    throw new RosterFileError(
      'IMPORT.SHEET_NOT_FOUND',
      wanted === undefined
        ? 'The workbook has no worksheet.'
        : `The workbook has no sheet "${wanted}"; its sheets are: ${seen.join(', ')}.`,
      wanted === undefined
        ? '工作簿中没有工作表。'
        : `工作簿中没有名为“${wanted}”的工作表；现有工作表：${seen.join('、')}。`,
    );
  }
}
