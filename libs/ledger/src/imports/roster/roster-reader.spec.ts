import * as ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellText } from './cells';
import { openRoster, type RosterLine } from './roster-reader';
import { RosterFileError } from './text-decoding';

const WAGES =
  '户编号,姓名,月份,金额,发放日期\r\n4211270101001,张三,2018-07,"2,000.00",2018-07-28\r\n\r\n4211270101002,李四,2018-07,1980.5,2018-07-28\r\n';

async function linesOf(
  path: string,
  options = {},
): Promise<{ lines: RosterLine[]; encoding?: string; sheet?: string }> {
  const roster = await openRoster(path, options);
  const lines: RosterLine[] = [];
  for await (const line of roster.lines()) lines.push(line);
  return { lines, encoding: roster.encoding(), sheet: roster.sheet() };
}

const texts = (lines: RosterLine[]) => lines.map((l) => [l.row, ...l.cells.map((c) => cellText(c))]);

describe('reading rosters', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roster-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const expected = [
    [1, '户编号', '姓名', '月份', '金额', '发放日期'],
    [2, '4211270101001', '张三', '2018-07', '2,000.00', '2018-07-28'],
    [3, ''],
    [4, '4211270101002', '李四', '2018-07', '1980.5', '2018-07-28'],
  ];

  it('reads UTF-8 without a BOM, numbering rows as a spreadsheet does (blank rows counted)', async () => {
    const path = join(dir, 'utf8.csv');
    await writeFile(path, WAGES, 'utf8');
    const { lines, encoding } = await linesOf(path);
    expect(texts(lines)).toEqual(expected);
    expect(encoding).toBe('utf-8');
  });

  it('reads UTF-8 with the BOM Excel writes, without keeping it in the first header', async () => {
    const path = join(dir, 'bom.csv');
    await writeFile(path, `\uFEFF${WAGES}`, 'utf8');
    const { lines, encoding } = await linesOf(path);
    expect(texts(lines)).toEqual(expected);
    expect(encoding).toBe('utf-8-bom');
  });

  it('detects GBK / GB18030 (Excel "CSV" on a Chinese Windows)', async () => {
    const path = join(dir, 'gbk.csv');
    await writeFile(path, iconv.encode(WAGES, 'gbk'));
    const { lines, encoding } = await linesOf(path);
    expect(texts(lines)).toEqual(expected);
    expect(encoding).toBe('gb18030');
  });

  it('detects GBK even when the first kilobytes are plain ASCII', async () => {
    const path = join(dir, 'gbk-late.csv');
    const ascii = Array.from(
      { length: 3000 },
      (_, i) => `42112701${String(i).padStart(5, '0')},x,2018-07,1,2018-07-28`,
    ).join('\n');
    await writeFile(
      path,
      iconv.encode(
        `registrationNo,workerName,period,amount,paidOn\n${ascii}\n4211270109999,王五,2018-07,1,2018-07-28\n`,
        'gb18030',
      ),
    );
    const { lines, encoding } = await linesOf(path);
    expect(encoding).toBe('gb18030');
    expect(cellText(lines[lines.length - 1].cells[1])).toBe('王五');
  });

  it('reads the first sheet of an xlsx, or a named one, with numbers and dates as typed', async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet('说明');
    notes.addRow(['这是说明页']);
    const sheet = workbook.addWorksheet('7月工资');
    sheet.addRow(['户编号', '姓名', '月份', '金额', '发放日期']);
    sheet.addRow(['4211270101001', '张三', '2018-07', 2000.5, new Date(Date.UTC(2018, 6, 28))]);
    sheet.addRow([]);
    sheet.addRow([
      '4211270101002',
      { richText: [{ text: '李' }, { text: '四' }] },
      '2018-07',
      { formula: 'D2-20.5', result: 1980 },
      '2018/7/28',
    ]);
    const path = join(dir, 'wages.xlsx');
    await workbook.xlsx.writeFile(path);

    const first = await linesOf(path);
    expect(first.sheet).toBe('说明');
    expect(texts(first.lines)).toEqual([[1, '这是说明页']]);

    const named = await linesOf(path, { sheet: '7月工资' });
    expect(named.sheet).toBe('7月工资');
    expect(texts(named.lines)).toEqual([
      [1, '户编号', '姓名', '月份', '金额', '发放日期'],
      [2, '4211270101001', '张三', '2018-07', '2000.5', '2018-07-28'],
      [4, '4211270101002', '李四', '2018-07', '1980', '2018/7/28'],
    ]);
    await expect(linesOf(path, { sheet: '8月' })).rejects.toThrow(RosterFileError);
  });

  it('names the sheet it read every time: 100 reads of a two-sheet workbook written by exceljs', async () => {
    // exceljs's single streaming pass lost xl/workbook.xml (written last) about once a hundred
    // reads, failing with "Cannot read properties of undefined (reading 'sheets')" (exceljs #3064).
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['8月工资表：请勿修改表头']);
    workbook.addWorksheet('8月').addRow(['户编号', '金额']);
    const path = join(dir, 'two-sheets.xlsx');
    await workbook.xlsx.writeFile(path);
    const outcomes = new Map<string, number>();
    for (let round = 0; round < 10; round++) {
      const reads = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          linesOf(path, i % 2 ? { sheet: '8月' } : {}).then(
            (r) => `${r.sheet} ${r.lines.length}`,
            (e: Error) => e.message,
          ),
        ),
      );
      for (const outcome of reads) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect([...outcomes].sort()).toEqual([
      ['8月 1', 50],
      ['说明 1', 50],
    ]);
  });

  it('refuses files that are not rosters', async () => {
    const xls = join(dir, 'old.xls');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(openRoster(xls)).rejects.toThrow(/xls/);
    const utf16 = join(dir, 'utf16.csv');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('户编号', 'utf16le')]));
    await expect(linesOf(utf16)).rejects.toThrow(/UTF-16/);
  });
});
