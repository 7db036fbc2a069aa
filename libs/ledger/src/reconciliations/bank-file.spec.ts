import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatYuan } from '../primitives/money';
import { readBankFile } from './bank-file';

const dir = mkdtempSync(join(tmpdir(), 'bank-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const read = (text: string, encoding: 'utf8' | 'gbk' = 'utf8') => {
  const path = join(dir, `f${(n += 1)}.csv`);
  writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  return readBankFile(path, 'bank.csv');
};

describe('read a bank file', () => {
  it('reads yuan as fen exactly, however the bank writes it, in UTF-8 and GBK', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 99_999_999_999 }),
        fc.constantFrom<'plain' | 'grouped' | 'short'>('plain', 'grouped', 'short'),
        fc.constantFrom<'utf8' | 'gbk'>('utf8', 'gbk'),
        async (fen, form, encoding) => {
          const grouped = formatYuan(fen); // 1,234.50
          const written =
            form === 'grouped' ? `"${grouped}"` : form === 'plain' ? grouped.replace(/,/g, '') : trim(grouped);
          const file = await read(`凭证号,金额,日期,状态,户编号\nPZ-1,${written},2018-02-01,退回,rc-1\n`, encoding);
          expect(file).toEqual({
            ok: true,
            rows: [
              { row: 2, reference: 'PZ-1', amountFen: fen, date: '2018-02-01', status: '退回', registrationNo: 'rc-1' },
            ],
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a third decimal, an impossible date and an unknown status, naming row and column', async () => {
    const file = await read('凭证号,交易金额,日期,状态\nPZ-1,0.001,2018-02-29,成功\n,1,2018-02-01,失败\n');
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '交易金额', '0.001'],
      [2, '日期', '2018-02-29'],
      [3, '状态', '失败'],
    ]);
  });

  it('takes the English words as headers, skips a title line and blank lines, keeps the rows’ numbers', async () => {
    const file = await read('农商行代发明细\nreference,amount,date,status\n\nPZ-1,1,2018-02-01,success\n');
    expect(file).toEqual({
      ok: true,
      rows: [{ row: 4, reference: 'PZ-1', amountFen: 100, date: '2018-02-01', status: '成功', registrationNo: null }],
    });
  });

  it('names a missing column on the header row, and a file that is no CSV', async () => {
    const missing = await read('凭证号,金额\nPZ-1,1\n');
    expect(missing.ok ? [] : missing.errors.map((e) => [e.row, e.column])).toEqual([
      [1, '日期'],
      [1, '状态'],
    ]);
    const pdf = await read('%PDF-1.4 …');
    expect(pdf.ok ? [] : pdf.errors.map((e) => e.row)).toEqual([0]);
  });
});

/** 2,000.50 → 2000.5, 2,000.00 → 2000: the way a spreadsheet prints a number. */
function trim(grouped: string): string {
  return grouped.replace(/,/g, '').replace(/\.?0+$/, (m) => (m.startsWith('.') ? '' : m));
}
