import { mapHeader, templateHeaders } from './import-kinds';

describe('roster headers', () => {
  it('maps Chinese headers, English words and common variants to fields', () => {
    const zh = mapHeader('wages', [
      '序号',
      '户编号',
      '姓名',
      '月份',
      '金额（元）',
      '发放日期',
      '出勤天数',
      '凭证号',
      '备注',
    ]);
    expect(zh.problems).toEqual([]);
    expect([...zh.index.entries()]).toEqual([
      ['registrationNo', 1],
      ['workerName', 2],
      ['period', 3],
      ['amount', 4],
      ['paidOn', 5],
      ['daysWorked', 6],
      ['reference', 7],
    ]);
    expect(zh.written.get('amount')).toBe('金额（元）');
    const en = mapHeader('wages', ['RegistrationNo', 'workerName', 'period', 'AMOUNT', 'paidOn']);
    expect(en.problems).toEqual([]);
    expect(en.written.get('daysWorked')).toBe('出勤天数');
  });

  it('names missing, unknown and repeated columns', () => {
    const { problems } = mapHeader('rents', ['户编号', '户编号', '金额', '面积']);
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ['IMPORT.DUPLICATE_COLUMN', '户编号'],
      ['IMPORT.UNKNOWN_COLUMN', '面积'],
      ['IMPORT.MISSING_COLUMN', '期间'],
      ['IMPORT.MISSING_COLUMN', '发放日期'],
    ]);
  });

  it('gives each kind a template header row', () => {
    expect(templateHeaders('households')).toEqual(['户编号', '户主姓名', '人口', '村', '乡镇', '县区']);
    expect(templateHeaders('dividends', 'en')).toEqual(['registrationNo', 'amount', 'paidOn', 'reference']);
  });
});
