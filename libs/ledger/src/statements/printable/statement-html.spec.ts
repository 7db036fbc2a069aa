import { fixtureLines, fixtureStatement } from './statement.fixtures';
import { escapeHtml, renderStatementHtml } from './statement-html';
import { statementTotals } from './printable-statement';

const CODE = '7K3M-9QXP-2HDT';

/** The text of the element with this id. */
const byId = (html: string, id: string) => new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];
/** The rows of the lines table. */
const rows = (html: string) => html.match(/<tr[^>]*data-payment-id="[^"]*"[\s\S]*?<\/tr>/g) ?? [];

describe('renderStatementHtml', () => {
  it('is a complete A4 page in Chinese by default: household, period, lines, totals, position and code', () => {
    const html = renderStatementHtml(fixtureStatement(), { verificationCode: CODE, issuedAt: '2019-01-05T06:03:09Z' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<link|<script|src=|@import|url\(/); // self-contained
    expect(html).toContain('<h1>收益明白卡</h1>');
    expect(html).toContain('<dt>户主</dt><dd>张三</dd>');
    expect(html).toContain('<dt>建档立卡编号</dt><dd>4211240100001</dd>');
    expect(html).toContain('<dd>英山县 城关镇 桃园村</dd>');
    expect(html).toContain('<dd>2018年1月1日 至 2018年12月31日</dd>');
    expect(html).toContain('账本截至 2019年1月5日 14:03（北京时间） · 账本位置 1234');
    expect(rows(html)).toHaveLength(fixtureLines.length);
    for (const form of ['入股分红', '土地租金', '务工工资', '订单收购']) expect(html).toContain(form);
    expect(html).toContain('<td class="amount" data-label="金额（元）">1,250.00</td>');
    expect(html).toContain('2018年小计');
    expect(byId(html, 'total')).toBe('6,864.29');
    expect(byId(html, 'verification-code')).toBe(CODE);
    // The household is never told to run a program.
    expect(html).not.toContain('ledger-cli');
    expect(html).toContain('凭证号 PZ-2018-0918');
  });

  it('lists a corrected line struck through and marked 已更正, and leaves it out of every total', () => {
    const html = renderStatementHtml(fixtureStatement(), { verificationCode: CODE });
    const reversed = rows(html).filter((r) => r.startsWith('<tr class="reversed"'));
    expect(reversed).toHaveLength(1);
    expect(reversed[0]).toContain('<s>1,860.00</s>');
    expect(reversed[0]).toContain('<s>2018年8月6日</s>');
    expect(reversed[0]).toContain('<span class="badge">已更正</span>');
    // Labour: one wage of 1,860.00 counted, the reversed duplicate not.
    expect(html).toMatch(/务工工资<\/span><span class="value">1,860\.00</);
    expect(byId(html, 'total')).toBe('6,864.29');
    expect(html).toContain('共 5 笔，其中 1 笔已更正、不计入合计');

    const unreversed = fixtureStatement({
      lines: fixtureLines.map((l) => ({ ...l, reversed: false, status: 'paid' as const })),
    });
    expect(byId(renderStatementHtml(unreversed, { verificationCode: CODE }), 'total')).toBe('8,724.29');
  });

  it("never prints the clerk's reason for a correction", () => {
    const lines = [{ ...fixtureLines[3], explanation: '工资', reversal: { reason: '重复录入' } }];
    const html = renderStatementHtml(fixtureStatement({ lines }), { verificationCode: CODE });
    expect(html).not.toContain('重复录入');
    expect(html).not.toMatch(/冲正|冲销/);
  });

  it('escapes every text that comes from the ledger', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderStatementHtml(
      fixtureStatement({
        household: {
          id: 'household-x',
          registrationNo: `R"1'`,
          headName: evil,
          village: '<b>村</b>',
          township: 'A & B',
          county: '县',
        },
        lines: [
          {
            ...fixtureLines[0],
            paymentId: 'p"1',
            entity: { name: '<img src=x onerror=alert(1)>' },
            period: '<i>2018</i>',
            explanation: 'a < b && c > "d"',
          },
        ],
      }),
      { verificationCode: '<code>', verifyUrl: 'https://x/?a=1&b="2"' },
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>村');
    expect(html).not.toContain('<i>2018');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('R&quot;1&#39;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('a &lt; b &amp;&amp; c &gt; &quot;d&quot;');
    expect(html).toContain('data-payment-id="p&quot;1"');
    expect(html).toContain('https://x/?a=1&amp;b=&quot;2&quot;');
    expect(html).toContain('&lt;code&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('speaks English with lang=en', () => {
    const html = renderStatementHtml(fixtureStatement({ from: null, to: null }), {
      verificationCode: CODE,
      lang: 'en',
      verifyUrl: 'https://ledger.example/verify',
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Benefit statement</h1>');
    expect(html).toContain('<dt>Head of household</dt><dd>张三</dd>');
    expect(html).toContain('<dd>桃园村, 城关镇, 英山县</dd>');
    expect(html).toContain('<dt>Period</dt><dd>Whole record</dd>');
    expect(html).toContain('Ledger as of 5 Jan 2019 14:03 (UTC+8) · Ledger position 1234');
    for (const form of ['Dividends', 'Land rent', 'Wages', 'Produce sold']) expect(html).toContain(form);
    expect(html).toContain('<span class="badge">Corrected</span>');
    expect(html).toContain('5 payments, 1 of them corrected and not counted');
    expect(html).toContain('National poverty-alleviation supervision hotline 12317');
    expect(byId(html, 'total')).toBe('6,864.29');
    expect(html).not.toMatch(/户主|建档立卡编号|收益明白卡|已更正|核验码/); // labels; the explanations are data
  });

  it('names an open-ended period, and says so when nothing was paid', () => {
    expect(renderStatementHtml(fixtureStatement({ to: null }), { verificationCode: CODE })).toContain(
      '<dd>2018年1月1日起</dd>',
    );
    expect(renderStatementHtml(fixtureStatement({ from: null }), { verificationCode: CODE })).toContain(
      '<dd>截至2018年12月31日</dd>',
    );
    const empty = renderStatementHtml(fixtureStatement({ lines: [] }), { verificationCode: CODE });
    expect(empty).toContain('本期间没有收款记录。');
    expect(empty).not.toContain('<table class="lines">');
    expect(byId(empty, 'total')).toBe('0.00');
  });
});

describe('statementTotals', () => {
  it('adds the unreversed lines by form and in all', () => {
    expect(statementTotals(fixtureLines)).toEqual({
      totalFen: 686429,
      byForm: { equity: 200000, lease: 125000, labour: 186000, order: 175429, collective: 0, credit: 0 },
      counted: 4,
      reversed: 1,
    });
  });
});
