import type * as ExcelJS from 'exceljs';
import { KIND_COLUMNS, KIND_TITLE, type ImportKind } from '../import-kinds';
import { GUIDE_SHEET, rosterExample } from '../roster-example';

/**
 * The xlsx template of a roster: the first sheet (named as the roster is on paper) holds only the
 * header row, for the clerk to fill in; the second, "填写说明", the example row and the rules.
 */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  // Loaded on first use, as the roster reader does: exceljs is slow to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const excel = require('exceljs') as typeof ExcelJS;
  const workbook = new excel.Workbook();
  const columns = KIND_COLUMNS[kind];
  const { header, row } = rosterExample(kind);

  const roster = workbook.addWorksheet(KIND_TITLE[kind].zh);
  roster.addRow(columns.map((c) => c.zh));
  roster.getRow(1).font = { bold: true };
  roster.columns.forEach((column) => (column.width = 16));
  // Text cells: registration numbers and dates typed into them keep their leading zeros and form.
  columns.forEach((_, i) => (roster.getColumn(i + 1).numFmt = '@'));

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.addRow([`示例（仅供参考，不会导入）：请在第一张表「${KIND_TITLE[kind].zh}」中从第 2 行起填写，表头不要改动。`]);
  guide.addRow(header);
  guide.addRow(row);
  guide.addRow([]);
  guide.addRow(['列名', '是否必填', '其他可用列名', '填写规则']);
  for (const c of columns) guide.addRow([c.zh, c.required ? '必填' : '选填', (c.aliases ?? []).join('、'), c.hint]);
  for (const n of [2, 5]) guide.getRow(n).font = { bold: true };
  guide.columns.forEach((column) => (column.width = 18));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
