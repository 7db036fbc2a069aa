import { fixtureLines, fixtureStatement } from './statement.fixtures';
import { renderStatementPdf, warmUpStatementPdf } from './statement-pdf';
import { pdfText as textOf } from './testing/pdf-text';

const CODE = '7K3M-9QXP-2HDT';

/** pdf.js may split a run of text into several items; compare without the spaces between them. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('renderStatementPdf', () => {
  it('writes an A4 PDF whose text holds the household, every line and the total, in Chinese', async () => {
    const pdf = await renderStatementPdf(fixtureStatement(), {
      verificationCode: CODE,
      issuedAt: '2019-01-05T06:03:09.000Z',
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // The font travels inside the file: only the glyphs used, with a ToUnicode map so text is real.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile3/);
    expect(pdf.toString('latin1')).toMatch(/\/ToUnicode/);

    const { text, pages } = await textOf(pdf);
    const all = squeeze(text);
    expect(pages).toHaveLength(1);
    for (const expected of [
      '收益明白卡',
      '张三',
      '4211240100001',
      '英山县城关镇桃园村',
      '2018年1月1日至2018年12月31日',
      '6,864.29',
      '入股分红',
      '土地租金',
      '务工工资',
      '订单收购',
      '桃源服装卫星工厂',
      '已更正',
      '账本位置',
      '1234',
      CODE,
    ]) {
      expect(all).toContain(expected);
    }
  });

  it('speaks English with lang=en', async () => {
    const pdf = await renderStatementPdf(fixtureStatement({ from: null, to: null }), {
      verificationCode: CODE,
      lang: 'en',
    });
    const all = squeeze((await textOf(pdf)).text);
    for (const expected of ['Benefitstatement', 'Headofhousehold', '张三', 'Wholerecord', 'Total(yuan)', '6,864.29']) {
      expect(all).toContain(expected);
    }
  });

  it('breaks a long statement over pages, repeating the header and numbering them', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      ...fixtureLines[i % fixtureLines.length],
      paymentId: `payment-${i}`,
    }));
    const pdf = await renderStatementPdf(fixtureStatement({ lines }), { verificationCode: CODE });
    const { pages } = await textOf(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.slice(1).forEach((page) => {
      expect(squeeze(page)).toContain('收益明白卡（续）');
      expect(squeeze(page)).toContain('张三');
    });
    pages.forEach((page, i) => expect(squeeze(page)).toContain(`第${i + 1}页，共${pages.length}页`));
    expect(squeeze(pages[pages.length - 1])).toContain(CODE);
  });

  it('says so when there is nothing to list', async () => {
    const pdf = await renderStatementPdf(fixtureStatement({ lines: [] }), { verificationCode: CODE });
    const all = squeeze((await textOf(pdf)).text);
    expect(all).toContain('本期间没有收款记录');
    expect(all).toContain('0.00');
  });

  it('warms up on a card of no one: every section printed once, no error', async () => {
    await expect(warmUpStatementPdf()).resolves.toBeGreaterThanOrEqual(0);
  });
});
