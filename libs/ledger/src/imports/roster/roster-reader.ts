import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
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
      xlsxLines(
        path,
        options.sheet,
        (name) => {
          sheetName = name;
        },
        (bytes) => {
          consumed += bytes;
        },
      ),
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

/** What exceljs's streaming reader keeps of a workbook, and the steps of its parse used here (not typed by exceljs). */
interface WorkbookParts {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> & { name: string } }>;
}

/** A zip entry as unzipper's central directory lists it. */
interface ZipEntry {
  path: string;
  compressedSize: number;
  uncompressedSize: number;
  stream(): Readable;
}

/**
 * The rows of one worksheet, read by the zip's central directory (random access), never by one
 * streaming pass over the zip. exceljs's own pass (unzipper's `Parse`, as `WorkbookReader.parse`
 * uses it) announces its end as soon as the last bytes are parsed, even while entries it has
 * parsed still wait in its buffer because exceljs paused it to write a worksheet to a temporary
 * file; exceljs then stops, never reads those entries, and `xl/workbook.xml` (which exceljs writes
 * last) is lost: about one read in a hundred failed with "Cannot read properties of undefined
 * (reading 'sheets')", and the import answered without its sheet (exceljs issue #3064). Here the
 * workbook's own parts (relationships, sheet names, shared strings, styles) are parsed first, then
 * only the wanted sheet is streamed, row by row, so no temporary file is needed either.
 */
async function* xlsxLines(
  path: string,
  wanted: string | undefined,
  onSheet: (name: string) => void,
  onBytes: (bytes: number) => void,
): AsyncIterable<RosterLine> {
  // Loaded on first use: exceljs takes a second or two to load, which a CSV import need not pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const excel = require('exceljs') as typeof ExcelJS;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const unzipper = require('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
  const seen: string[] = [];
  let found = false;
  try {
    const { files } = await unzipper.Open.file(path);
    const entry = (name: string) => files.find((f) => f.path === name);
    const reader = new excel.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as WorkbookParts;
    const rels = entry('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels.stream());
    const book = entry('xl/workbook.xml');
    if (book) await reader._parseWorkbook(book.stream());
    const strings = entry('xl/sharedStrings.xml');
    if (strings) for await (const event of reader._parseSharedStrings(strings.stream())) void event;
    const styles = entry('xl/styles.xml');
    if (styles) await reader._parseStyles(styles.stream());
    // The sheets in the workbook's order, each with its part (sheetN.xml, through the relationships).
    const sheets = (reader.model?.sheets ?? []).flatMap((sheet) => {
      const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target.replace(/^\/?(xl\/)?/, '');
      const no = target === undefined ? undefined : /^worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
      const part = no === undefined ? undefined : entry(`xl/worksheets/sheet${no}.xml`);
      return no !== undefined && part ? [{ name: sheet.name, no, part }] : [];
    });
    seen.push(...sheets.map((s) => s.name));
    const chosen = wanted === undefined ? sheets[0] : sheets.find((s) => s.name === wanted);
    if (chosen) {
      found = true;
      onSheet(chosen.name);
      const source = chosen.part.stream();
      // Progress in the file's bytes: the sheet's share of the compressed file, as it is inflated.
      const ratio = chosen.part.compressedSize / Math.max(1, chosen.part.uncompressedSize);
      source.on('data', (chunk: Buffer) => onBytes(Math.round(chunk.length * ratio)));
      try {
        for (const { value: sheet } of reader._parseWorksheet(source, chosen.no)) {
          for await (const row of sheet) {
            const values = row.values as XlsxValue[];
            const cells: Cell[] = [];
            for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
            yield { row: row.number, cells };
          }
        }
      } finally {
        source.destroy();
      }
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RosterFileError(
      'IMPORT.MALFORMED_XLSX',
      `The .xlsx file could not be read: ${message}`,
      `.xlsx 文件无法读取（${message}）。`,
    );
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
