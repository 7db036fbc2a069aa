import { BANNED_ZH } from '../glossary';
import { fixtureStatement, manyLines } from './statement.fixtures';
import { renderStatementHtml } from './statement-html';
import { renderStatementPdf } from './statement-pdf';
import { pdfText } from './testing/pdf-text';

const CODE = '7K3M-9QXP-2HDT';
const LINK = {
  url: 'https://ledger.example.gov.cn/#/s?h=household-1&token=hl1.x.1700000000.abc',
  expiresOn: '2019-04-05',
};
const OPTIONS = { verificationCode: CODE, issuedAt: '2019-01-05T06:03:09.000Z', phoneLink: LINK };

/** pdf.js splits runs of text; compare without white space. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Words that may appear in a Chinese card although they are Latin: proper names and units a
 * household writes that way, nothing else (no API codes, no ids, no English).
 */
const ALLOWED_LATIN = new Set(['PZ']);

/** What a Chinese page must never show: jargon, period codes, English words, ids. */
function leaks(page: string): string[] {
  const found: string[] = [];
  // The verification code is letters and digits by design (7K3M-9QXP-2HDT): a code, not a word.
  // pdf-parse separates pages with "-- 1 of 2 --" of its own.
  const text = page
    .replace(/-- \d+ of \d+ --/g, ' ')
    .replace(/\b[0-9A-Z]{4}[-\u2011][0-9A-Z]{4}[-\u2011][0-9A-Z]{4}\b/g, ' ');
  for (const banned of BANNED_ZH) if (banned.test(text)) found.push(String(banned));
  for (const word of text.match(/[A-Za-z]{2,}/g) ?? []) if (!ALLOWED_LATIN.has(word)) found.push(word);
  if (/(household|payment|lease|stake|dividend|entity|order|employment)-[0-9a-f]{8}/.test(text)) found.push('id');
  return found;
}

describe('the printed 明白卡, section by section', () => {
  let text: string;
  let pages: string[];
  beforeAll(async () => {
    ({ text, pages } = await pdfText(await renderStatementPdf(fixtureStatement(), OPTIONS)));
    text = squeeze(text);
  }, 60_000);

  it('opens with the household and its totals by form', () => {
    expect(pages).toHaveLength(1);
    for (const expected of ['收益明白卡', '户主', '张三', '建档立卡编号', '4211240100001', '英山县城关镇桃园村']) {
      expect(text).toContain(expected);
    }
    for (const expected of [
      '入股分红2,000.00',
      '土地租金1,250.00',
      '务工工资1,860.00',
      '订单收购1,754.29',
      '合计（元）6,864.29',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('lists what was received by year, with the subtotal, voucher numbers and 已更正', () => {
    expect(text).toContain('一、收到的钱');
    expect(text).toContain('2018年1月10日');
    expect(text).toContain('2018年上半年保底分红');
    expect(text).toContain('凭证号PZ-2018-0918');
    expect(text).toContain('已更正');
    expect(text).toContain('2018年小计6,864.29');
    expect(text).toContain('共5笔，其中1笔已更正、不计入合计');
  });

  it('says what is still owed, by whom and since when', () => {
    expect(text).toContain('二、还欠您的钱');
    expect(text).toContain('还欠合计1,500.00');
    expect(text).toContain('石头村养牛合作社2018年下半年分红2018年12月20日2,000.00500.001,500.00');
  });

  it('says what the household holds', () => {
    expect(text).toContain('三、您家的产业联结');
    expect(text).toContain('【入股】桃园采摘园有限公司（持有中）');
    expect(text).toContain('扶贫资金入股（桃园村猕猴桃产业园），本金5,000.00元，50股');
    expect(text).toContain('【入股】石头村养牛合作社（已到期）');
    expect(text).toContain('【土地流转】英山县桃园村股份经济合作社');
    expect(text).toContain('【务工】桃源服装卫星工厂');
    expect(text).toContain('【订单】桃园采摘园有限公司');
  });

  it('says whom to ask, with the 12317 hotline, a box to sign and the code, unbroken', () => {
    expect(text).toContain('四、有疑问找谁');
    expect(text).toContain('英山县乡村振兴局');
    expect(text).toContain('0713-7012345');
    expect(text).toContain('全国扶贫监督举报电话12317');
    expect(text).toContain('户主签字（或按手印）');
    // The code on one line of its own (pdf.js puts a line break between lines).
    const raw = pages[0];
    expect(raw.split('\n').some((line) => line.trim() === CODE)).toBe(true);
    expect(text).toContain('第1页，共1页');
  });

  it('speaks English with lang=en', async () => {
    const en = squeeze((await pdfText(await renderStatementPdf(fixtureStatement(), { ...OPTIONS, lang: 'en' }))).text);
    for (const expected of [
      'Benefitstatement',
      '1.Moneyreceived',
      '2.Stillowedtoyou',
      '3.Whatyourhouseholdholds',
      '4.Whomtoask',
    ]) {
      expect(en).toContain(expected);
    }
  });
});

describe('the printed 明白卡 on A4', () => {
  it.each([
    [6, 1],
    [12, 1],
    [40, 2],
  ])(
    'a card of %i lines (corrected ones included) takes %i page(s), each named and numbered',
    async (n, expected) => {
      const statement = fixtureStatement({ lines: manyLines(n) });
      const { pages } = await pdfText(await renderStatementPdf(statement, OPTIONS));
      expect(pages).toHaveLength(expected);
      pages.forEach((page, i) => {
        const squeezed = squeeze(page);
        expect(squeezed).toContain('张三');
        expect(squeezed).toContain(`第${i + 1}页，共${pages.length}页`);
      });
      // Where a page turns inside the table, the running total is carried over and brought forward.
      pages.slice(1).forEach((page) => expect(squeeze(page)).toContain('承前页累计'));
      pages.slice(0, -1).forEach((page) => expect(squeeze(page)).toContain('累计，转下页'));
    },
    60_000,
  );
});

describe('the glossary on Chinese pages', () => {
  it('no Chinese card, HTML or PDF, shows 冲正, a period code, an English word or an id', async () => {
    const statement = fixtureStatement({ lines: manyLines(12) });
    const html = renderStatementHtml(statement, OPTIONS);
    // What a reader sees: the text between the tags (attributes and styles are not read).
    const visible = html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<a [^>]*>[\s\S]*?<\/a>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;/g, ' ');
    expect(leaks(visible)).toEqual([]);
    const { text } = await pdfText(await renderStatementPdf(statement, OPTIONS));
    expect(leaks(text)).toEqual([]);
  }, 60_000);

  it('catches what it bans', () => {
    expect(leaks('2016-H1 分红')).not.toEqual([]);
    expect(leaks('此笔已冲正')).not.toEqual([]);
    expect(leaks('Dividend 分红')).toEqual(['Dividend']);
    expect(leaks('payment-0a1b2c3d-…')).not.toEqual([]);
    expect(leaks('2016年上半年 分红 凭证号 PZ-001 2018年7月15日')).toEqual([]);
  });
});

describe('the household’s latest acknowledgement on the card', () => {
  const acknowledgement = {
    id: 'acknowledgement-1',
    through: '2018-12-31',
    totalFen: 123_400,
    method: 'signature' as const,
    acknowledgedOn: '2019-01-05',
    disputed: false,
  };

  it('says when the household signed, up to when and for what total, on one page still, without leaks', async () => {
    const statement = fixtureStatement({ lines: manyLines(12), acknowledgement });
    const { text, pages } = await pdfText(await renderStatementPdf(statement, OPTIONS));
    expect(pages).toHaveLength(1);
    expect(squeeze(text)).toContain('已于2019年1月5日签字确认至2018年12月31日的合计1,234.00元。');
    expect(leaks(text)).toEqual([]);
    const html = renderStatementHtml(statement, OPTIONS);
    expect(html).toContain(
      '<p class="acknowledged" id="acknowledgement">已于2019年1月5日签字确认至2018年12月31日的合计1,234.00元。</p>',
    );
  }, 60_000);

  it('says a dispute was recorded, and speaks English with lang=en', async () => {
    const disputed = fixtureStatement({
      acknowledgement: { ...acknowledgement, method: 'thumbprint', disputed: true, comment: '少了一笔租金' },
    });
    const zh = squeeze((await pdfText(await renderStatementPdf(disputed, OPTIONS))).text);
    expect(zh).toContain('2019年1月5日对截至2018年12月31日的合计1,234.00元有异议（已登记）。');
    // The household's own words stay in the record, not on a card others may see.
    expect(zh).not.toContain('少了一笔租金');
    const en = renderStatementHtml(fixtureStatement({ acknowledgement }), { ...OPTIONS, lang: 'en' });
    expect(en).toContain('Confirmed by signature on 5 Jan 2019: 1,234.00 yuan in all to 31 Dec 2018.');
    expect(renderStatementHtml(disputed, { ...OPTIONS, lang: 'en' })).toContain(
      'Disputed on 5 Jan 2019 (recorded): 1,234.00 yuan in all to 31 Dec 2018.',
    );
  }, 60_000);

  it('prints no such line when the household has not acknowledged', () => {
    expect(renderStatementHtml(fixtureStatement(), OPTIONS)).not.toContain('id="acknowledgement"');
  });
});
