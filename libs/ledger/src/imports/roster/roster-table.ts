import { mapHeader, type HeaderMap, type ImportKind } from '../import-kinds';

/** Maps a header row's cells to the file's fields (a roster kind's columns, or a bank file's). */
export type HeaderMapper = (headerCells: readonly string[]) => HeaderMap;
import { cellText, isBlank, type Cell } from './cells';
import type { RosterLine } from './roster-reader';

/** A data row of a roster, its cells by field. */
export interface RosterRecord {
  row: number;
  get(key: string): Cell;
  has(key: string): boolean;
}

export interface RosterHeader {
  row: number;
  map: HeaderMap;
}

/** How many lines above the header may be a title (e.g. 桃园村2018年7月工资表 in a merged cell). */
const TITLE_LINES = 3;

/**
 * The data rows of a roster: the first non-blank line is the header (a single-cell title line above
 * it is skipped), blank lines are skipped but keep their numbers, so `row` is what the clerk sees in
 * the spreadsheet. Calls `onHeader` once before the first row; stops if the header has problems.
 */
export async function* rosterRecords(
  lines: AsyncIterable<RosterLine>,
  kind: ImportKind | HeaderMapper,
  onHeader: (header: RosterHeader) => void,
): AsyncIterable<RosterRecord> {
  let header: RosterHeader | undefined;
  let titles = 0;
  for await (const line of lines) {
    if (line.cells.every(isBlank)) continue;
    if (!header) {
      const cells = line.cells.map((c) => cellText(c));
      const map = typeof kind === 'function' ? kind(cells) : mapHeader(kind, cells);
      const filled = line.cells.filter((c) => !isBlank(c)).length;
      if (map.index.size === 0 && filled === 1 && titles < TITLE_LINES) {
        titles += 1;
        continue;
      }
      header = { row: line.row, map };
      onHeader(header);
      if (map.problems.length > 0) return;
      continue;
    }
    const index = header.map.index;
    const cells: Cell[] = line.cells;
    yield {
      row: line.row,
      get: (key) => {
        const i = index.get(key);
        return i === undefined ? undefined : cells[i];
      },
      has: (key) => index.has(key),
    };
  }
}
