/**
 * The ledger's words as a household reads them (明白卡 glossary), in Chinese (default) and English.
 * One module for the printed card, the phone page and the console, so the three never word the same
 * thing differently. Pure and free of Node and Nest: the web console bundles it.
 *
 * Rules it keeps (tested by the glossary spec): no API codes (periods read 2016年上半年, never
 * 2016-H1), never 冲正 (a corrected payment reads 已更正, with a reason written for the household, not
 * the clerk's), and no English in the Chinese.
 */
import type { StakeSource } from '../stakes/stake.events';
import type { WageBasis } from '../employment/employment.events';
import type { AcknowledgementMethod, AcknowledgementView } from '../acknowledgements/acknowledgement.view';
import { formatYuan } from '../primitives/money';
import { parsePeriod } from '../primitives/period';
import type { LineStatus, StakeHoldingStatus, StatementForm, StatementLang } from './statement.view';

const HALF_ZH = ['上半年', '下半年'];
const QUARTER_ZH = ['第一季度', '第二季度', '第三季度', '第四季度'];
const HALF_EN = ['first half', 'second half'];
const QUARTER_EN = ['first quarter', 'second quarter', 'third quarter', 'fourth quarter'];
const MONTH_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A period as people say it: `2018` → 2018年 / 2018; `2018-H1` → 2018年上半年 / the first half of 2018;
 * `2018-Q1` → 2018年第一季度 / the first quarter of 2018; `2018-07` → 2018年7月 / July 2018.
 * Anything that is not a period is returned as written.
 */
export function periodText(period: string, lang: StatementLang): string {
  const parsed = parsePeriod(period);
  if (!parsed.ok) return period;
  const { kind, year, index } = parsed.period;
  if (lang === 'zh') {
    switch (kind) {
      case 'year':
        return `${year}年`;
      case 'half':
        return `${year}年${HALF_ZH[index - 1]}`;
      case 'quarter':
        return `${year}年${QUARTER_ZH[index - 1]}`;
      case 'month':
        return `${year}年${index}月`;
    }
  }
  switch (kind) {
    case 'year':
      return `${year}`;
    case 'half':
      return `the ${HALF_EN[index - 1]} of ${year}`;
    case 'quarter':
      return `the ${QUARTER_EN[index - 1]} of ${year}`;
    case 'month':
      return `${MONTH_EN[index - 1]} ${year}`;
  }
}

type Words<Key extends string> = Record<StatementLang, Record<Key, string>>;

/** How the money came: the linkage form, as a household names the income. */
export const FORM_WORDS: Words<StatementForm> = {
  zh: {
    equity: '入股分红',
    lease: '土地租金',
    labour: '务工工资',
    order: '订单收购',
    collective: '村集体分配',
    credit: '贷款贴息',
  },
  en: {
    equity: 'Dividends',
    lease: 'Land rent',
    labour: 'Wages',
    order: 'Produce sold',
    collective: 'Village collective',
    credit: 'Loan interest subsidy',
  },
};

/** What became of a payment. A reversal is a correction to the household: 已更正, never 冲正. */
export const STATUS_WORDS: Words<LineStatus> = {
  zh: { paid: '已到账', reversed: '已更正', returned: '银行退回', reissued: '银行退回，已重发' },
  en: {
    paid: 'Paid',
    reversed: 'Corrected',
    returned: 'Returned by the bank',
    reissued: 'Returned by the bank, paid again',
  },
};

/**
 * Why a line reads 已更正, for the household: the clerk's own reason ("重复录入", "金额录错") is for
 * the ledger's audit trail and stays in the record, not on the card.
 */
export const CORRECTED_NOTE: Record<StatementLang, string> = {
  zh: '这笔记录有误，已经作废，不算入合计；如果应该给您，正确的一笔另行列出。',
  en: 'This entry was wrong and has been cancelled; it is not counted. If the money is due to you, the correct payment is listed separately.',
};

/** Where a stake's principal came from. */
export const STAKE_SOURCE_WORDS: Words<StakeSource> = {
  zh: { fiscal_fund: '扶贫资金入股', land: '土地入股', household_loan: '贷款入股', cash: '自有资金入股' },
  en: {
    fiscal_fund: 'Poverty funds as shares',
    land: 'Land as shares',
    household_loan: 'Loan invested',
    cash: 'Own money',
  },
};

export const STAKE_STATUS_WORDS: Words<StakeHoldingStatus> = {
  zh: { active: '持有中', ended: '已到期', transferred: '已调整给他户' },
  en: { active: 'Held', ended: 'Ended', transferred: 'Moved to another household' },
};

export const WAGE_BASIS_WORDS: Words<WageBasis> = {
  zh: { monthly: '按月', daily: '按天', piece: '计件' },
  en: { monthly: 'per month', daily: 'per day', piece: 'per piece' },
};

/** What is still owed, by kind of promise. */
export const OWED_KIND_WORDS: Words<'dividend' | 'rent' | 'guarantee' | 'distribution'> = {
  zh: { dividend: '分红', rent: '土地租金', guarantee: '保底分红差额', distribution: '村集体分配' },
  en: {
    dividend: 'Dividend',
    rent: 'Land rent',
    guarantee: 'Guaranteed dividend shortfall',
    distribution: 'Collective share',
  },
};

/** The national supervision hotline, named as posters name it. */
export const HOTLINE_WORDS: Record<StatementLang, (hotline: string) => string> = {
  zh: (hotline) => `全国扶贫监督举报电话 ${hotline}`,
  en: (hotline) => `National poverty-alleviation supervision hotline ${hotline}`,
};

/** How a household confirmed its statement. */
export const ACKNOWLEDGEMENT_METHOD_WORDS: Words<AcknowledgementMethod> = {
  zh: { signature: '签字', thumbprint: '按手印', phone: '电话', online: '网上' },
  en: { signature: 'by signature', thumbprint: 'by thumbprint', phone: 'by phone', online: 'online' },
};

/**
 * The household's latest acknowledgement in one sentence: 已于2019年1月5日签字确认至2018年12月31日的
 * 合计1,234.00元。 A disputed one says it was recorded (the household's own words stay in the record).
 */
export function acknowledgementText(
  ack: Pick<AcknowledgementView, 'through' | 'totalFen' | 'method' | 'acknowledgedOn' | 'disputed'>,
  lang: StatementLang,
): string {
  const on = dateText(ack.acknowledgedOn, lang);
  const through = dateText(ack.through, lang);
  const total = formatYuan(ack.totalFen);
  const method = ACKNOWLEDGEMENT_METHOD_WORDS[lang][ack.method];
  if (lang === 'zh') {
    return ack.disputed
      ? `${on}对截至${through}的合计${total}元有异议（已登记）。`
      : `已于${on}${method}确认至${through}的合计${total}元。`;
  }
  return ack.disputed
    ? `Disputed on ${on} (recorded): ${total} yuan in all to ${through}.`
    : `Confirmed ${method} on ${on}: ${total} yuan in all to ${through}.`;
}

/** A year as a heading: 2018年 / 2018. */
export const yearText = (year: number, lang: StatementLang): string => (lang === 'zh' ? `${year}年` : String(year));

/** A date as a household writes it: 2018年7月15日 / 15 July 2018. */
export function dateText(date: string, lang: StatementLang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Banned on a Chinese page: clerks' jargon and API period codes. */
export const BANNED_ZH: readonly RegExp[] = [/冲正/, /冲销/, /\b\d{4}-(H[12]|Q[1-4])\b/, /\b\d{4}-\d{2}\b(?!-)/];
