import {
  cellText,
  parseAmountCell,
  parseCountCell,
  parseDateCell,
  parseMonthCell,
  parsePeriodCell,
  parseTextCell,
  parseYesNoCell,
} from './cells';

const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : undefined);

describe('roster cells', () => {
  it('turns yuan as clerks write them into fen, exactly', () => {
    expect(value(parseAmountCell('2000'))).toBe(200000);
    expect(value(parseAmountCell('2,000.50'))).toBe(200050);
    expect(value(parseAmountCell(' ¥1999.99 '))).toBe(199999);
    expect(value(parseAmountCell('１２３.４'))).toBe(12340);
    expect(value(parseAmountCell('0.01'))).toBe(1);
    // A spreadsheet number reads as what was typed, never through float arithmetic on the fen.
    expect(value(parseAmountCell(2000.1))).toBe(200010);
    expect(value(parseAmountCell(1234.56))).toBe(123456);
    expect(value(parseAmountCell(0.07))).toBe(7);
  });

  it('refuses amounts the ledger would have to round, with a message in both languages', () => {
    for (const bad of ['2000.005', '-5', '2E3', 'abc', '', '0', '20,00']) {
      const r = parseAmountCell(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.en).toBeTruthy();
        expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(parseAmountCell(0.1 + 0.2).ok).toBe(false); // 0.30000000000000004: more than two decimals
    expect(parseAmountCell(undefined).ok).toBe(false);
  });

  it('reads dates in the forms rosters use, and refuses impossible ones', () => {
    expect(value(parseDateCell('2018-07-28'))).toBe('2018-07-28');
    expect(value(parseDateCell('2018/7/8'))).toBe('2018-07-08');
    expect(value(parseDateCell('2018年7月28日'))).toBe('2018-07-28');
    expect(value(parseDateCell('20180728'))).toBe('2018-07-28');
    expect(value(parseDateCell(20180728))).toBe('2018-07-28');
    expect(value(parseDateCell(new Date(Date.UTC(2018, 6, 28))))).toBe('2018-07-28');
    expect(parseDateCell('2018-02-30').ok).toBe(false);
    expect(parseDateCell('28/07/2018').ok).toBe(false);
  });

  it('reads wage months and lease periods', () => {
    expect(value(parseMonthCell('2018-07'))).toBe('2018-07');
    expect(value(parseMonthCell('2018/7'))).toBe('2018-07');
    expect(value(parseMonthCell('2018年7月'))).toBe('2018-07');
    expect(value(parseMonthCell('201807'))).toBe('2018-07');
    expect(value(parseMonthCell(new Date(Date.UTC(2018, 6, 1))))).toBe('2018-07');
    expect(parseMonthCell('2018-13').ok).toBe(false);
    expect(value(parsePeriodCell('2018'))).toBe('2018');
    expect(value(parsePeriodCell(2018))).toBe('2018');
    expect(value(parsePeriodCell('2018年'))).toBe('2018');
    expect(value(parsePeriodCell('2018-H1'))).toBe('2018-H1');
    expect(value(parsePeriodCell('2018年下半年'))).toBe('2018-H2');
    expect(value(parsePeriodCell('2018q3'))).toBe('2018-Q3');
    expect(value(parsePeriodCell('2018年第三季度'))).toBe('2018-Q3');
    expect(value(parsePeriodCell('2018-07'))).toBe('2018-07');
    expect(parsePeriodCell('2018-H3').ok).toBe(false);
  });

  it('reads counts, yes/no and text', () => {
    expect(value(parseCountCell('26', 0, 31))).toBe(26);
    expect(value(parseCountCell(26, 0, 31))).toBe(26);
    expect(value(parseCountCell('26天', 0, 31))).toBe(26);
    expect(parseCountCell('32', 0, 31).ok).toBe(false);
    expect(parseCountCell('2.5', 0, 31).ok).toBe(false);
    expect(value(parseYesNoCell('是'))).toBe(true);
    expect(value(parseYesNoCell(''))).toBe(false);
    expect(parseYesNoCell('maybe').ok).toBe(false);
    expect(cellText('  ４２１１２７ ')).toBe('421127');
    expect(cellText(4211270101001)).toBe('4211270101001');
  });
});

describe('roster cells keep to the ledger input domain', () => {
  it.each(['0000-01-01', '9999-12-31', '1949-09-30', '2101-01-01'])('given the date %s, then it is refused', (text) => {
    expect(parseDateCell(text).ok).toBe(false);
  });
  it('given a spreadsheet date outside the ledger, then it is refused', () => {
    expect(parseDateCell(new Date(Date.UTC(9999, 11, 31))).ok).toBe(false);
    expect(parseDateCell(new Date(Date.UTC(2018, 6, 28)))).toEqual({ ok: true, value: '2018-07-28' });
  });
  it.each(['0000', '9999-H1', '0000年7月'])('given the period %s, then it is refused', (text) => {
    expect(parsePeriodCell(text).ok).toBe(false);
  });
  it.each(['张\u0000三', 'a\u001bb', '\ud800'])('given text %j, then it is refused', (text) => {
    expect(parseTextCell(text, 50).ok).toBe(false);
  });
});
