import { formatYuan } from '../../shared/money';
import type { StatementLang } from '../statement.view';
import { STATEMENT_FORMS, statementTotals, type PrintableLine, type PrintableStatement } from './printable-statement';
import { qrSvg } from './statement-qr';
import { addressOf, instantInChina, labelsFor, periodOf, type StatementLabels } from './statement-labels';

/** How to render a clarity card. */
export interface StatementRenderOptions {
  /** Chinese by default. */
  lang?: StatementLang;
  /** The code recorded for this card (`7K3M-9QXP-2HDT`), printed so it can be checked later. */
  verificationCode: string;
  /** Where the card can be checked, printed as it is (e.g. the verify route with the code). */
  verifyUrl?: string;
  /** When the card was printed (ISO 8601); printed in China Standard Time. */
  issuedAt?: string;
  /**
   * The household's phone link (the console's statement page with a signed, expiring token), printed
   * as a QR code; `expiresOn` is the last day it works (China Standard Time).
   */
  phoneLink?: { url: string; expiresOn: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: #1a1a1a; background: #f4f1ea;
  font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 15px; line-height: 1.55;
}
.card { max-width: 190mm; margin: 16px auto; padding: 22px 26px; background: #fff; border: 1px solid #d8d2c4; }
header { border-bottom: 3px double #b22222; padding-bottom: 8px; margin-bottom: 14px; }
h1 { margin: 0; font-size: 28px; letter-spacing: .12em; color: #b22222; }
.subtitle { margin: 2px 0 0; color: #555; font-size: 13px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 4px 14px; margin: 0 0 14px; }
dl.facts dt { color: #666; }
dl.facts dd { margin: 0; font-weight: 600; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 16px; }
.summary div { flex: 1 1 120px; border: 1px solid #e2dccf; background: #faf8f3; padding: 6px 10px; }
.summary .label { display: block; color: #666; font-size: 12px; }
.summary .value { font-size: 17px; font-weight: 600; font-variant-numeric: tabular-nums; }
.summary .grand { border-color: #b22222; background: #fff5f3; }
.summary .grand .value { color: #b22222; font-size: 21px; }
.counts { margin: -8px 0 12px; color: #555; font-size: 13px; }
table.lines { width: 100%; border-collapse: collapse; font-size: 13px; }
table.lines th, table.lines td { border: 1px solid #d8d2c4; padding: 5px 6px; vertical-align: top; text-align: left; }
table.lines thead th { background: #efe9dc; font-weight: 600; white-space: nowrap; }
table.lines thead { display: table-header-group; }
table.lines tr { break-inside: avoid; page-break-inside: avoid; }
td.amount, th.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
td.explanation { color: #333; }
tr.reversed td { color: #888; background: #f7f7f7; }
tr.reversed td.amount s, tr.reversed td.date s { text-decoration: line-through; text-decoration-thickness: 1.5px; }
.badge { display: inline-block; margin: 0 4px 2px 0; padding: 0 5px; border: 1px solid #b22222; color: #b22222; font-size: 11px; border-radius: 3px; white-space: nowrap; }
.reason { display: block; font-size: 12px; color: #b22222; }
tfoot td { font-weight: 700; background: #faf8f3; }
.empty { padding: 14px; text-align: center; color: #666; border: 1px dashed #ccc; }
.verify { display: flex; gap: 16px; align-items: center; margin: 18px 0 10px; padding: 10px 14px; border: 2px solid #1a1a1a; break-inside: avoid; page-break-inside: avoid; }
.verify .code { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 24px; font-weight: 700; letter-spacing: .08em; white-space: nowrap; }
.verify .code small { display: block; font-family: inherit; font-size: 12px; font-weight: 400; letter-spacing: 0; color: #555; }
.verify p { margin: 0; font-size: 12.5px; color: #333; }
.phone { display: flex; gap: 16px; align-items: center; margin: 10px 0; padding: 10px 14px; border: 1px solid #d8d2c4; break-inside: avoid; page-break-inside: avoid; }
.phone svg { width: 34mm; height: 34mm; flex: none; }
.phone h2 { margin: 0 0 4px; font-size: 16px; }
.phone p { margin: 0; font-size: 12.5px; color: #333; }
.phone a { color: #1a1a1a; word-break: break-all; font-size: 11px; }
footer { margin-top: 10px; color: #666; font-size: 12px; border-top: 1px solid #e2dccf; padding-top: 6px; }
footer p { margin: 2px 0; }
@media print {
  body { background: #fff; font-size: 11pt; }
  .card { margin: 0; padding: 0; border: 0; max-width: none; }
  table.lines { font-size: 9.5pt; }
}
@media (max-width: 640px) {
  body { font-size: 16px; }
  .card { margin: 0; padding: 14px 12px; border: 0; }
  h1 { font-size: 24px; }
  dl.facts { grid-template-columns: max-content 1fr; }
  table.lines, table.lines tbody, table.lines tr, table.lines td, table.lines tfoot { display: block; width: 100%; }
  table.lines thead { display: none; }
  table.lines tr { border: 1px solid #d8d2c4; margin-bottom: 10px; }
  table.lines td { border: 0; border-bottom: 1px solid #eee; display: grid; grid-template-columns: 6.5em 1fr; gap: 8px; }
  table.lines td::before { content: attr(data-label); color: #666; font-weight: 400; }
  td.amount { text-align: left; }
  .verify { flex-direction: column; align-items: flex-start; }
}
`;

/**
 * A household's clarity card (收益明白卡) as one self-contained HTML page: printable on A4 and
 * readable on a phone. Every payment is listed; reversed ones are struck through, marked 已冲正 and
 * left out of the totals. All text from the ledger is escaped.
 */
export function renderStatementHtml(statement: PrintableStatement, options: StatementRenderOptions): string {
  const lang = options.lang ?? 'zh';
  const t = labelsFor(lang);
  const totals = statementTotals(statement.lines);
  const h = statement.household;
  const e = escapeHtml;

  const facts: [string, string][] = [
    [t.headName, h.headName],
    [t.registrationNo, h.registrationNo],
    [t.address, addressOf(h, lang)],
    [t.period, periodOf(statement, lang)],
  ];
  if (statement.asOf) facts.push([t.asOf, instantInChina(statement.asOf, lang)]);
  facts.push([t.position, String(statement.position)]);

  const summary = [
    ...STATEMENT_FORMS.map(
      (form) =>
        `<div><span class="label">${e(t.forms[form])}</span><span class="value">${e(formatYuan(totals.byForm[form]))}</span></div>`,
    ),
    `<div class="grand"><span class="label">${e(t.totalYuan)}</span><span class="value" id="total">${e(formatYuan(totals.totalFen))}</span></div>`,
  ].join('\n');

  const rows = statement.lines.map((line) => lineRow(line, t)).join('\n');
  const table = statement.lines.length
    ? `<table class="lines">
<thead><tr><th>${e(t.paidOn)}</th><th>${e(t.form)}</th><th>${e(t.entity)}</th><th>${e(t.periodPaid)}</th><th class="amount">${e(t.amount)}</th><th>${e(t.explanation)}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="4" data-label="">${e(t.total)}</td><td class="amount" data-label="${e(t.amount)}">${e(formatYuan(totals.totalFen))}</td><td data-label="">${e(t.counts(totals.counted, totals.reversed))}</td></tr></tfoot>
</table>`
    : `<p class="empty">${e(t.noLines)}</p>`;

  const title = `${t.title} · ${h.headName} · ${h.registrationNo}`;
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="card">
<header>
<h1>${e(t.title)}</h1>
<p class="subtitle">${e(t.subtitle)}</p>
</header>
<dl class="facts">
${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('\n')}
</dl>
<section class="summary" aria-label="${e(t.byForm)}">
${summary}
</section>
<p class="counts">${e(t.counts(totals.counted, totals.reversed))}</p>
${table}
<section class="verify">
<div class="code"><small>${e(t.verification)}</small><span id="verification-code">${e(options.verificationCode)}</span></div>
<p>${e(t.howToVerify(options.verificationCode, options.verifyUrl))}</p>
</section>
${options.phoneLink ? phoneSection(options.phoneLink, t) : ''}
<footer>
<p>${e(t.position)} ${e(statement.position)}${options.issuedAt ? ` · ${e(t.issuedAt)} ${e(instantInChina(options.issuedAt, lang))}` : ''}</p>
<p>${e(t.footer)}</p>
</footer>
</main>
</body>
</html>
`;
}

function phoneSection(link: { url: string; expiresOn: string }, t: StatementLabels): string {
  const e = escapeHtml;
  return `<section class="phone" id="phone-link">
${qrSvg(link.url, t.phoneLinkTitle)}
<div><h2>${e(t.phoneLinkTitle)}</h2><p>${e(t.phoneLinkHelp(link.expiresOn))}</p><p><a href="${e(link.url)}">${e(link.url)}</a></p></div>
</section>`;
}

function lineRow(line: PrintableLine, t: StatementLabels): string {
  const e = escapeHtml;
  const amount = e(formatYuan(line.amountFen));
  const reason = reversalReasonToShow(line);
  const mark = line.reversed
    ? `<span class="badge">${e(t.reversedMark)}</span>${reason ? `<span class="reason">${e(t.reversalReason(reason))}</span>` : ''}`
    : '';
  return `<tr${line.reversed ? ' class="reversed"' : ''} data-payment-id="${e(line.paymentId)}">
<td class="date" data-label="${e(t.paidOn)}">${line.reversed ? `<s>${e(line.paidOn)}</s>` : e(line.paidOn)}</td>
<td data-label="${e(t.form)}">${e(t.forms[line.form])}</td>
<td data-label="${e(t.entity)}">${e(line.entity?.name ?? t.noEntity)}</td>
<td data-label="${e(t.periodPaid)}">${e(line.period ?? '—')}</td>
<td class="amount" data-label="${e(t.amount)}">${line.reversed ? `<s>${amount}</s>` : amount}</td>
<td class="explanation" data-label="${e(t.explanation)}"><div>${mark}${e(line.explanation)}</div></td>
</tr>`;
}

/** The reversal's reason, unless the explanation already gives it. */
export function reversalReasonToShow(line: PrintableLine): string | undefined {
  const reason = line.reversal?.reason;
  return line.reversed && reason && !line.explanation.includes(reason) ? reason : undefined;
}
