import type { StatementLang } from '../statement.view';
import { cardContent, type CardContent, type CardLine } from './card-content';
import type { PrintableStatement } from './printable-statement';
import { qrSvg } from './statement-qr';
import { instantInChina, type StatementLabels } from './statement-labels';

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
h2 { font-size: 17px; color: #b22222; margin: 18px 0 8px; }
h2 small { font-size: 13px; color: #555; font-weight: 400; margin-left: 8px; }
.provenance { margin: -8px 0 12px; color: #888; font-size: 12px; }
tr.year td { background: #f6f1e6; font-weight: 600; }
tr.year td:last-child { font-weight: 400; color: #555; font-size: 12px; }
small.ref { display: block; color: #666; font-size: 11px; white-space: nowrap; }
table.small { font-size: 12.5px; }
.closing { display: grid; grid-template-columns: 1fr 1fr 1.2fr; gap: 10px; break-inside: avoid; page-break-inside: avoid; }
.contact dt { color: #666; font-size: 12px; }
.contact dd { margin: 0 0 6px; font-weight: 600; }
.signature .acknowledged { margin: -14px 0 14px; color: #1a1a1a; font-weight: 600; }
.signature { border: 1px solid #1a1a1a; padding: 8px 10px; min-height: 120px; }
.signature p { margin: 0 0 22px; font-size: 12.5px; color: #555; }
.signature .sign { color: #1a1a1a; font-weight: 600; }
.closing .verify { margin: 0; flex-direction: column; align-items: flex-start; gap: 6px; }
.closing .phone { grid-column: 1 / -1; margin: 0; }
.phone h3 { margin: 0 0 4px; font-size: 15px; }
.phone-help { font-size: 11.5px; color: #555; }
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
  .closing { grid-template-columns: 1fr; }
}
`;

/**
 * A household's clarity card (收益明白卡) as one self-contained HTML page: printable on A4 and
 * readable on a phone. Every payment is listed by year with the year's subtotal; a corrected one is
 * struck through, marked 已更正 and left out of the totals. Then what is still owed, what the
 * household holds, whom to ask, a box to sign and the code that checks the card. All text from the
 * ledger is escaped.
 */
export function renderStatementHtml(statement: PrintableStatement, options: StatementRenderOptions): string {
  const lang = options.lang ?? 'zh';
  const c = cardContent(statement, lang);
  const t = c.t;
  const e = escapeHtml;

  const summary = [
    ...c.formTotals.map(
      (f) => `<div><span class="label">${e(f.label)}</span><span class="value">${e(f.text)}</span></div>`,
    ),
    `<div class="grand"><span class="label">${e(t.totalYuan)}</span><span class="value" id="total">${e(c.totalText)}</span></div>`,
  ].join('\n');

  const body = c.years
    .map((year) =>
      [
        ...year.lines.map((line) => lineRow(line, t)),
        `<tr class="year"><td colspan="3" data-label="">${e(year.subtotalLabel)}</td><td class="amount" data-label="${e(t.amount)}">${e(year.subtotalText)}</td><td data-label="">${e(year.byFormText)}</td></tr>`,
      ].join('\n'),
    )
    .join('\n');
  const table = c.years.length
    ? `<table class="lines">
<thead><tr><th>${e(t.paidOn)}</th><th>${e(t.form)}</th><th>${e(t.periodPaid)}</th><th class="amount">${e(t.amount)}</th><th>${e(t.explanation)}</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><td colspan="3" data-label="">${e(t.total)}</td><td class="amount" data-label="${e(t.amount)}">${e(c.totalText)}</td><td data-label="">${e(c.counts)}</td></tr></tfoot>
</table>`
    : `<p class="empty">${e(t.noLines)}</p>`;

  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(c.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="card">
<header>
<h1>${e(t.title)}</h1>
<p class="subtitle">${e(t.subtitle)}</p>
</header>
<dl class="facts">
${c.facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('\n')}
</dl>
<p class="provenance">${e(c.provenance)}</p>
<section class="summary" aria-label="${e(t.byForm)}">
${summary}
</section>
<h2>${e(t.receivedTitle)} <small>${e(c.counts)}</small></h2>
${table}
${owedSection(c)}
${holdingsSection(c)}
${closingSection(c, options)}
<footer>
<p>${e(t.footer)}</p>
${options.issuedAt ? `<p>${e(t.issuedAt)} ${e(instantInChina(options.issuedAt, lang))}</p>` : ''}
</footer>
</main>
</body>
</html>
`;
}

function owedSection(c: CardContent): string {
  const { t, owed } = c;
  const e = escapeHtml;
  if (!owed) return '';
  const cols = t.owedColumns;
  const rows = owed.rows
    .map(
      (r) =>
        `<tr><td data-label="${e(cols.entity)}">${e(r.entity)}</td><td data-label="${e(cols.what)}">${e(r.what)}</td><td data-label="${e(cols.since)}">${e(r.since)}</td><td class="amount" data-label="${e(cols.due)}">${e(r.dueText)}</td><td class="amount" data-label="${e(cols.paid)}">${e(r.paidText)}</td><td class="amount" data-label="${e(cols.outstanding)}">${e(r.outstandingText)}</td></tr>`,
    )
    .join('\n');
  return `<section id="owed"><h2>${e(t.owedTitle)}${owed.rows.length ? ` <small>${e(t.owedTotal)} ${e(owed.totalText)}</small>` : ''}</h2>
${
  owed.rows.length
    ? `<table class="lines small"><thead><tr><th>${e(cols.entity)}</th><th>${e(cols.what)}</th><th>${e(cols.since)}</th><th class="amount">${e(cols.due)}</th><th class="amount">${e(cols.paid)}</th><th class="amount">${e(cols.outstanding)}</th></tr></thead><tbody>
${rows}
</tbody></table>`
    : `<p class="empty">${e(t.nothingOwed)}</p>`
}
</section>`;
}

function holdingsSection(c: CardContent): string {
  const { t, holdings } = c;
  const e = escapeHtml;
  if (!holdings) return '';
  const rows = holdings
    .map(
      (h) =>
        `<tr><td>${e(h.kind)}</td><td>${e(h.entity)}</td><td>${e(h.terms)}</td><td>${e(h.term)}${h.status ? `（${e(h.status)}）` : ''}</td></tr>`,
    )
    .join('\n');
  return `<section id="holdings"><h2>${e(t.holdingsTitle)}</h2>
${holdings.length ? `<table class="lines small plain"><tbody>\n${rows}\n</tbody></table>` : `<p class="empty">${e(t.noHoldings)}</p>`}
</section>`;
}

function closingSection(c: CardContent, options: StatementRenderOptions): string {
  const { t, contact } = c;
  const e = escapeHtml;
  const contactLines = contact
    ? [
        [t.office, contact.office],
        [t.phone, contact.phone],
        [t.hotline, contact.hotline],
      ]
    : [[t.hotline, t.officeUnset]];
  const link = options.phoneLink;
  // The latest acknowledgement, in the signature box it answers (as on the PDF).
  const acknowledged = c.acknowledgement
    ? `<p class="acknowledged" id="acknowledgement">${e(c.acknowledgement)}</p>`
    : '';
  return `<h2>${e(t.contactTitle)}</h2>
<section class="closing">
<dl class="contact" id="contact">${contactLines.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<div class="signature"><p>${e(t.signatureNote)}</p>${acknowledged}<p class="sign">${e(t.signature)}</p><p class="sign">${e(t.signatureDate)}</p></div>
<div class="verify">
<div class="code"><small>${e(t.verification)}</small><span id="verification-code">${e(options.verificationCode)}</span></div>
<p>${e(t.howToVerify(options.verificationCode, link?.url))}</p>
${options.verifyUrl ? `<p class="phone-help"><a href="${e(options.verifyUrl)}">${e(options.verifyUrl)}</a></p>` : ''}
</div>
${
  link
    ? `<section class="phone" id="phone-link">
${qrSvg(link.url, t.phoneLinkTitle)}
<div><h3>${e(t.phoneLinkTitle)}</h3><p class="phone-help">${e(t.phoneLinkHelp(link.expiresOn))}</p><p><a href="${e(link.url)}">${e(link.url)}</a></p></div>
</section>`
    : ''
}
</section>`;
}

function lineRow(line: CardLine, t: StatementLabels): string {
  const e = escapeHtml;
  const corrected = !line.counted;
  const mark = line.mark ? `<span class="badge">${e(line.mark)}</span>` : '';
  const reference = line.reference ? `<small class="ref">${e(t.reference)} ${e(line.reference)}</small>` : '';
  return `<tr${corrected ? ' class="reversed"' : ''} data-payment-id="${e(line.key)}">
<td class="date" data-label="${e(t.paidOn)}">${corrected ? `<s>${e(line.date)}</s>` : e(line.date)}${reference}</td>
<td data-label="${e(t.form)}">${e(line.form)}</td>
<td data-label="${e(t.periodPaid)}">${e(line.period)}</td>
<td class="amount" data-label="${e(t.amount)}">${corrected ? `<s>${e(line.amountText)}</s>` : e(line.amountText)}</td>
<td class="explanation" data-label="${e(t.explanation)}"><div>${mark}${e(line.explanation)}</div></td>
</tr>`;
}
