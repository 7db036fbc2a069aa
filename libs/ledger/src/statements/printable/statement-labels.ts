import type { StatementForm, StatementLang } from '../statement.view';
import { CORRECTED_NOTE, dateText, FORM_WORDS, STATUS_WORDS } from '../glossary';
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
  /** Section headings, in the order the card prints them. */
  receivedTitle: string;
  owedTitle: string;
  holdingsTitle: string;
  contactTitle: string;
  /** A year's heading row and its subtotal. */
  yearHeading: (year: number) => string;
  yearSubtotal: (year: number) => string;
  /** Running totals where a long card turns a page. */
  carriedForward: string;
  carriedOver: string;
  reference: string;
  owedColumns: { entity: string; what: string; since: string; due: string; paid: string; outstanding: string };
  owedTotal: string;
  nothingOwed: string;
  holdingKinds: { stakes: string; leases: string; employments: string; orders: string; loans: string };
  noHoldings: string;
  office: string;
  phone: string;
  hotline: string;
  officeUnset: string;
  signature: string;
  signatureDate: string;
  signatureNote: string;
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
  reversedMark: STATUS_WORDS.zh.reversed,
  reversalReason: () => CORRECTED_NOTE.zh,
  total: '合计',
  totalYuan: '合计（元）',
  byForm: '分项合计',
  noLines: '本期间没有收款记录。',
  verification: '核验码',
  // The household is never asked to run a program: the township does the check, or the phone does.
  howToVerify: (code, url) =>
    `想核对本卡：${url ? '用手机扫右边的二维码，或' : ''}把核验码 ${code} 告诉乡镇经办人，在台账系统里一查便知本卡与账本是否一致。`,
  phoneLinkTitle: '手机扫码查看',
  phoneLinkHelp: (expiresOn) =>
    `扫码可在手机上看本户最新的明白卡，${dateText(expiresOn, 'zh')}以后失效，请勿转给他人。`,
  issuedAt: '打印时间',
  footer: '本卡由收益台账系统生成，金额以账本记录为准。如有疑问，请联系下面的经办单位或拨打监督电话。',
  page: (n, of) => `第 ${n} 页，共 ${of} 页`,
  forms: FORM_WORDS.zh,
  noEntity: '财政贴息',
  counts: (counted, reversed) =>
    reversed ? `共 ${counted + reversed} 笔，其中 ${reversed} 笔已更正、不计入合计` : `共 ${counted} 笔`,
  continued: '（续）',
  receivedTitle: '一、收到的钱',
  owedTitle: '二、还欠您的钱',
  holdingsTitle: '三、您家的产业联结',
  contactTitle: '四、有疑问找谁',
  yearHeading: (year) => `${year}年`,
  yearSubtotal: (year) => `${year}年小计`,
  carriedForward: '承前页累计',
  carriedOver: '累计，转下页',
  reference: '凭证号',
  owedColumns: {
    entity: '欠款单位',
    what: '应得项目',
    since: '应付日期',
    due: '应付',
    paid: '已付',
    outstanding: '还欠',
  },
  owedTotal: '还欠合计',
  nothingOwed: '目前没有拖欠您的钱。',
  holdingKinds: { stakes: '入股', leases: '土地流转', employments: '务工', orders: '订单', loans: '小额信贷' },
  noHoldings: '没有登记的产业联结。',
  office: '经办单位',
  phone: '联系电话',
  hotline: '监督电话',
  officeUnset: '请向乡镇经办人询问',
  signature: '户主签字（或按手印）',
  signatureDate: '日期：',
  signatureNote: '我已看过本卡，内容属实。',
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
  amount: 'Yuan',
  explanation: 'Explanation',
  reversedMark: STATUS_WORDS.en.reversed,
  reversalReason: () => CORRECTED_NOTE.en,
  total: 'Total',
  totalYuan: 'Total (yuan)',
  byForm: 'By form',
  noLines: 'No payments in this period.',
  verification: 'Verification code',
  howToVerify: (code, url) =>
    `To check this card, ${url ? 'scan the QR code with a phone, or ' : ''}give the code ${code} to the township clerk, who checks it against the ledger.`,
  phoneLinkTitle: 'Scan with a phone',
  phoneLinkHelp: (expiresOn) =>
    `Scan to see this household's latest card on a phone; works until ${dateText(expiresOn, 'en')}. Do not pass it on.`,
  issuedAt: 'Printed',
  footer: "Drawn from the benefit ledger; the ledger's record prevails. Questions: ask your township clerk.",
  page: (n, of) => `Page ${n} of ${of}`,
  forms: FORM_WORDS.en,
  noEntity: 'Fiscal subsidy',
  counts: (counted, reversed) =>
    reversed
      ? `${counted + reversed} payments, ${reversed} of them corrected and not counted`
      : `${counted} payment${counted === 1 ? '' : 's'}`,
  continued: ' (continued)',
  receivedTitle: '1. Money received',
  owedTitle: '2. Still owed to you',
  holdingsTitle: '3. What your household holds',
  contactTitle: '4. Whom to ask',
  yearHeading: (year) => String(year),
  yearSubtotal: (year) => `Subtotal ${year}`,
  carriedForward: 'Brought forward',
  carriedOver: 'Carried forward',
  reference: 'Voucher',
  owedColumns: { entity: 'Owed by', what: 'For', since: 'Due since', due: 'Due', paid: 'Paid', outstanding: 'Owed' },
  owedTotal: 'Total owed',
  nothingOwed: 'Nothing is owed to you at present.',
  holdingKinds: { stakes: 'Shares', leases: 'Land leased', employments: 'Jobs', orders: 'Orders', loans: 'Loans' },
  noHoldings: 'No linkages recorded.',
  office: 'Office',
  phone: 'Phone',
  hotline: 'Hotline',
  officeUnset: 'Ask your township clerk',
  signature: 'Signature or thumbprint',
  signatureDate: 'Date:',
  signatureNote: 'I have read this card and it is correct.',
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
  const d = (date: string) => dateText(date, lang);
  if (from && to) return lang === 'en' ? `${d(from)} to ${d(to)}` : `${d(from)} 至 ${d(to)}`;
  if (from) return lang === 'en' ? `from ${d(from)}` : `${d(from)}起`;
  if (to) return lang === 'en' ? `up to ${d(to)}` : `截至${d(to)}`;
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
  return lang === 'en'
    ? `${dateText(local.slice(0, 10), lang)} ${local.slice(11, 16)} (UTC+8)`
    : `${dateText(local.slice(0, 10), lang)} ${local.slice(11, 16)}（北京时间）`;
}
