import { formatYuan } from '../../primitives/money';
import { escapeHtml as e } from '../../statements/printable/statement-html';
import type { NoticeStatus, NoticeSubjectView, NoticeView } from '../notice.view';

const STATUS_ZH: Record<NoticeStatus, string> = { upcoming: '尚未开始', open: '公示中', closed: '公示已结束' };

/** A period as the village reads it: 2018年 / 2018年上半年 / 2018年第一季度 / 2018年7月. */
export function periodZh(period: string): string {
  const [year, part] = period.split('-');
  if (part === undefined) return `${year}年`;
  if (part === 'H1') return `${year}年上半年`;
  if (part === 'H2') return `${year}年下半年`;
  if (part.startsWith('Q')) return `${year}年第${'一二三四'[Number(part.slice(1)) - 1]}季度`;
  return `${year}年${Number(part)}月`;
}

function subjectZh(subject: NoticeSubjectView): string {
  if ('period' in subject) return `${periodZh(subject.period)}发放的各项收益`;
  if ('declarationId' in subject) return `分红方案 ${subject.declarationId}`;
  return `村集体收益分配 ${subject.distributionId}`;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
body { margin: 0; padding: 16px; color: #111; background: #fff;
  font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 16px; line-height: 1.6; }
main { max-width: 780px; margin: 0 auto; }
h1 { font-size: 26px; text-align: center; margin: 0 0 4px; letter-spacing: 2px; }
.meta { text-align: center; color: #333; margin: 0 0 12px; }
.status { display: inline-block; border: 1px solid #111; padding: 0 8px; margin-left: 6px; }
table { width: 100%; border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid #333; padding: 6px 8px; }
th { background: #eee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; }
.how { border: 2px solid #111; padding: 10px 12px; margin-top: 14px; }
@media print { body { padding: 0; } .status { border: none; } tr { break-inside: avoid; } }
`;

/**
 * The notice as it is posted on the village wall (no token: masked names and registration numbers
 * only, amounts in yuan), with the window, how to object and the supervision hotline.
 */
export function noticeHtml(view: NoticeView): string {
  const { notice, rows } = view;
  const total = rows.reduce((sum, r) => sum + r.amountFen, 0);
  const body = rows
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td><td>${e(r.household.maskedName)}</td><td>${e(r.household.maskedRegistrationNo)}</td><td class="num">${formatYuan(r.amountFen)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(notice.title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${e(notice.title)}</h1>
<p class="meta">${e(notice.township)}${e(notice.village)} · 公示内容：${e(subjectZh(notice.subject))}</p>
<p class="meta">公示期：${e(notice.opensOn)} 至 ${e(notice.closesOn)}（共 ${rows.length} 户）<span class="status">${STATUS_ZH[view.status]}</span></p>
<table>
<thead><tr><th class="num">序号</th><th>户主</th><th>建档立卡编号</th><th class="num">金额（元）</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><td colspan="3">合计</td><td class="num">${formatYuan(total)}</td></tr></tfoot>
</table>
<div class="how">
<p>公示期间，任何人对以上名单或金额有异议，均可向村委会或${e(notice.township)}人民政府反映，也可拨打全国扶贫监督举报电话 <strong>12317</strong>。每一条异议都会得到答复。</p>
<p>为保护个人信息，户主姓名和建档立卡编号已作部分隐去处理。公示编号：${e(notice.id)}</p>
</div>
</main></body></html>
`;
}
