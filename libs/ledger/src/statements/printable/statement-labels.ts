import type { StatementForm, StatementLang } from '../statement.view';
import type { PrintableHousehold, PrintableStatement } from './printable-statement';

/**
 * The words printed on a clarity card, in Chinese (default) and English. Shared by the HTML and the
 * PDF so both say exactly the same thing.
 */
export interface StatementLabels {
  title: string;
  subtitle: string;
  headName: string;
  registrationNo: string;
  address: string;
  period: string;
  wholeRecord: string;
  asOf: string;
  position: string;
  paidOn: string;
  form: string;
  entity: string;
  periodPaid: string;
  amount: string;
  explanation: string;
  /** The mark on a reversed line. */
  reversedMark: string;
  reversalReason: (reason: string) => string;
  total: string;
  totalYuan: string;
  byForm: string;
  noLines: string;
  verification: string;
  howToVerify: (code: string, url?: string) => string;
  /** Beside the QR code of the household's phone link. */
  phoneLinkTitle: string;
  phoneLinkHelp: (expiresOn: string) => string;
  issuedAt: string;
  footer: string;
  page: (n: number, of: number) => string;
  forms: Record<StatementForm, string>;
  /** Who paid a line that names no entity (an interest subsidy on a loan for own production). */
  noEntity: string;
  counts: (counted: number, reversed: number) => string;
  continued: string;
}

const ZH: StatementLabels = {
  title: '收益明白卡',
  subtitle: '产业扶贫利益联结收益明细：每一笔钱从哪里来、为什么给',
  headName: '户主',
  registrationNo: '建档立卡编号',
  address: '住址',
  period: '期间',
  wholeRecord: '全部记录',
  asOf: '账本截至',
  position: '账本位置',
  paidOn: '发放日期',
  form: '联结方式',
  entity: '付款单位',
  periodPaid: '所属期间',
  amount: '金额（元）',
  explanation: '说明',
  reversedMark: '已冲正 · 不计入合计',
  reversalReason: (reason) => `冲正原因：${reason}`,
  total: '合计',
  totalYuan: '合计（元）',
  byForm: '分项合计',
  noLines: '本期间没有收款记录。',
  verification: '核验码',
  howToVerify: (code, url) =>
    `核验方法：${url ? `打开 ${url}，或` : ''}请乡镇经办人在收益台账系统中输入核验码 ${code}（命令 ledger-cli statement verify ${code}）。系统按本卡打印时的账本重新计算，告诉您本卡与账本记录是否一致。核验码不区分大小写，字母 O 与数字 0、字母 I、L 与数字 1 视为相同。`,
  phoneLinkTitle: '手机扫码查看',
  phoneLinkHelp: (expiresOn) =>
    `用手机扫描二维码，可随时查看本户最新的收益明白卡。二维码只能查看本户的明白卡，${expiresOn} 之后失效，届时请向乡镇经办人重新索取。请勿转给他人。`,
  issuedAt: '打印时间',
  footer: '本卡由收益台账系统生成，金额以账本记录为准。如有疑问，请联系乡镇经办人。',
  page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  forms: { equity: '股份分红', lease: '土地租金', labour: '务工工资', order: '订单收购', credit: '贷款贴息' },
  noEntity: '财政贴息',
  counts: (counted, reversed) =>
    reversed ? `共 ${counted + reversed} 笔，其中 ${reversed} 笔已冲正、不计入合计` : `共 ${counted} 笔`,
  continued: '（续）',
};

const EN: StatementLabels = {
  title: 'Benefit statement',
  subtitle: 'Income from benefit linkages: where each payment came from, and why',
  headName: 'Head of household',
  registrationNo: 'Registration no.',
  address: 'Address',
  period: 'Period',
  wholeRecord: 'Whole record',
  asOf: 'Ledger as of',
  position: 'Ledger position',
  paidOn: 'Paid on',
  form: 'Form',
  entity: 'Paid by',
  periodPaid: 'For period',
  amount: 'Amount (yuan)',
  explanation: 'Explanation',
  reversedMark: 'Reversed, not counted',
  reversalReason: (reason) => `Reason for the reversal: ${reason}`,
  total: 'Total',
  totalYuan: 'Total (yuan)',
  byForm: 'By form',
  noLines: 'No payments in this period.',
  verification: 'Verification code',
  howToVerify: (code, url) =>
    `To check this statement, ${url ? `open ${url}, or ` : ''}ask the township clerk to enter the code ${code} in the benefit ledger (command: ledger-cli statement verify ${code}). The ledger recomputes the statement as it stood when this was printed and says whether the two agree. Case does not matter; O reads as 0, and I and L as 1.`,
  phoneLinkTitle: 'Scan with a phone',
  phoneLinkHelp: (expiresOn) =>
    `Scan the QR code with a phone to see this household's latest statement at any time. It opens this household's statement only and stops working after ${expiresOn}; then ask the township clerk for a new card. Do not pass it on.`,
  issuedAt: 'Printed',
  footer: "Drawn from the benefit ledger; the ledger's record prevails. Questions: ask your township clerk.",
  page: (n, of) => `Page ${n} of ${of}`,
  forms: {
    equity: 'Equity dividend',
    lease: 'Land rent',
    labour: 'Wages',
    order: 'Produce purchase',
    credit: 'Loan interest subsidy',
  },
  noEntity: 'Fiscal subsidy',
  counts: (counted, reversed) =>
    reversed
      ? `${counted + reversed} payments, ${reversed} of them reversed and not counted`
      : `${counted} payment${counted === 1 ? '' : 's'}`,
  continued: ' (continued)',
};

export function labelsFor(lang: StatementLang): StatementLabels {
  return lang === 'en' ? EN : ZH;
}

/** `英山县 城关镇 桃园村` in Chinese order; `桃园村, 城关镇, 英山县` in English order. */
export function addressOf(household: PrintableHousehold, lang: StatementLang): string {
  return lang === 'en'
    ? [household.village, household.township, household.county].join(', ')
    : [household.county, household.township, household.village].join(' ');
}

/** The statement's span of payment dates, in words. */
export function periodOf(statement: Pick<PrintableStatement, 'from' | 'to'>, lang: StatementLang): string {
  const { from, to } = statement;
  if (from && to) return lang === 'en' ? `${from} to ${to}` : `${from} 至 ${to}`;
  if (from) return lang === 'en' ? `from ${from}` : `${from} 起`;
  if (to) return lang === 'en' ? `up to ${to}` : `截至 ${to}`;
  return labelsFor(lang).wholeRecord;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as a clerk reads it, in China Standard Time: `2019-01-05 14:03:09 (UTC+8)`. Text that is
 * not an instant is returned as it is.
 */
export function instantInChina(instant: string, lang: StatementLang): string {
  const ms = new Date(instant).getTime();
  if (!Number.isFinite(ms)) return instant;
  const local = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}${lang === 'en' ? ' (UTC+8)' : '（北京时间）'}`;
}
