/**
 * Plain words for a household's statement (明白卡): why it received an amount and where the money
 * came from, in Chinese (default) or English, built from the line's figures alone. Pure: no I/O.
 */
import type { FundSource } from '../projects/project.events';
import { formatYuan } from '../primitives/money';
import type { WageBasis } from '../employment/employment.events';
import { CORRECTED_NOTE, dateText, periodText } from './glossary';
import type {
  DistributionLineBasis,
  DividendLineBasis,
  GuaranteeTopupLineBasis,
  InterestSubsidyLineBasis,
  PurchaseLineBasis,
  RentLineBasis,
  StatementKind,
  StatementLang,
  WageLineBasis,
} from './statement.view';

/** What a line's explanation is built from. */
export type ExplainableLine = {
  entityName: string;
  period: string;
  amountFen: number;
  /** Set when the line is reversed as of the statement's instant. */
  reversalReason?: string;
} & (
  | { kind: 'dividend'; basis: DividendLineBasis }
  | { kind: 'rent'; basis: RentLineBasis }
  | { kind: 'wage'; basis: WageLineBasis }
  | { kind: 'purchase'; basis: PurchaseLineBasis; deliveredOn?: string }
  | { kind: 'interest_subsidy'; basis: InterestSubsidyLineBasis }
  | { kind: 'guarantee_topup'; basis: GuaranteeTopupLineBasis }
  | { kind: 'distribution'; basis: DistributionLineBasis }
);

export { periodText };

export const FUND_SOURCE_ZH: Record<FundSource, string> = {
  central: '中央财政资金',
  provincial: '省级财政资金',
  municipal: '市级财政资金',
  county: '县级财政资金',
  social: '社会投资',
  credit: '扶贫小额信贷',
};

export const FUND_SOURCE_EN: Record<FundSource, string> = {
  central: 'central fiscal funds',
  provincial: 'provincial fiscal funds',
  municipal: 'municipal fiscal funds',
  county: 'county fiscal funds',
  social: 'social investment',
  credit: 'poverty micro-credit',
};

const WAGE_BASIS_ZH: Record<WageBasis, string> = { monthly: '月薪', daily: '日薪', piece: '计件单价' };
const WAGE_BASIS_EN: Record<WageBasis, string> = {
  monthly: 'monthly wage',
  daily: 'day rate',
  piece: 'piece rate',
};

/** A rate in basis points as a percentage: 435 → `4.35%`. */
const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;

const yuanZh = (fen: number) => `${formatYuan(fen)} 元`;
const yuanEn = (fen: number) => `${formatYuan(fen)} yuan`;
const sourceZh = (source: string) => FUND_SOURCE_ZH[source as FundSource] ?? source;
const sourceEn = (source: string) => FUND_SOURCE_EN[source as FundSource] ?? source;

/** The explanation of one statement line. */
export function explainLine(line: ExplainableLine, lang: StatementLang): string {
  const text = lang === 'zh' ? explainZh(line) : explainEn(line);
  if (line.reversalReason === undefined) return text;
  // The household reads this: the clerk's reason stays in `reversal.reason`, for the record.
  return lang === 'zh' ? `${text}（${CORRECTED_NOTE.zh}）` : `${text} (${CORRECTED_NOTE.en})`;
}

function explainZh(line: ExplainableLine): string {
  const period = periodText(line.period, 'zh');
  switch (line.kind) {
    case 'dividend': {
      const b = line.basis;
      const paid = line.amountFen === b.allocatedFen ? '' : `，本次发放 ${yuanZh(line.amountFen)}`;
      const projects = b.projects.length
        ? `（股金来源：${b.projects
            .map((p) =>
              p.fundSources.length
                ? `${p.projectName}，${p.fundSources.map((f) => `${sourceZh(f.source)} ${yuanZh(f.amountFen)}`).join('、')}`
                : p.projectName,
            )
            .join('；')}）`
        : '';
      if (b.poolFen !== undefined) {
        return (
          `${line.entityName} ${period}分红：您持有 ${b.shares} 股，共 ${b.totalShares} 股，` +
          `分红总额 ${yuanZh(b.poolFen)}，按股分得 ${yuanZh(b.allocatedFen)}${paid}${projects}`
        );
      }
      const yearly = b.guaranteedYearlyFen ?? 0;
      return (
        `${line.entityName} ${period}保底分红：每年保底 ${yuanZh(yearly)} × ${b.periodShare} 年 = ` +
        `${yuanZh(b.allocatedFen)}${paid}${projects}`
      );
    }
    case 'rent': {
      const b = line.basis;
      const paid = line.amountFen === b.dueFen ? '' : `，本次支付 ${yuanZh(line.amountFen)}`;
      return (
        `${line.entityName} ${period}土地流转租金：${b.areaMu} 亩 × ${formatYuan(b.rentPerMuYearFen)} 元/亩/年 × ` +
        `${b.periodShare} 年 = ${yuanZh(b.dueFen)}${paid}`
      );
    }
    case 'wage': {
      const b = line.basis;
      const supplementary = b.supplementary ? '（补发）' : '';
      let figures = `${WAGE_BASIS_ZH[b.wageBasis]} ${yuanZh(b.rateFen)}`;
      let amountShown = false;
      if (b.daysWorked !== undefined) {
        if (b.wageBasis === 'daily' && b.rateFen * b.daysWorked === line.amountFen) {
          figures += ` × ${b.daysWorked} 天 = ${yuanZh(line.amountFen)}`;
          amountShown = true;
        } else {
          figures += `，出勤 ${b.daysWorked} 天`;
        }
      }
      if (!amountShown && !(b.wageBasis === 'monthly' && b.rateFen === line.amountFen)) {
        figures += `，实发 ${yuanZh(line.amountFen)}`;
      }
      return `${line.entityName} ${period}工资${supplementary}：${b.workerName}，${figures}`;
    }
    case 'purchase': {
      const b = line.basis;
      const delivered = line.deliveredOn ? `（${dateText(line.deliveredOn, 'zh')}交售）` : '';
      return (
        `${line.entityName} 收购${b.product} ${b.quantity} ${b.unit} × ${formatYuan(b.priceFen)} 元/${b.unit} = ` +
        `${yuanZh(line.amountFen)}${delivered}`
      );
    }
    case 'interest_subsidy': {
      const b = line.basis;
      const invested = line.entityName ? `，投入${line.entityName}（户贷企用）` : '';
      return (
        `扶贫小额信贷财政贴息：${b.lender}贷款 ${yuanZh(b.principalFen)}${invested}，年利率 ${percent(b.annualRateBp)}，` +
        `贴息利率 ${percent(b.subsidyRateBp)}；已还利息 ${yuanZh(b.interestRepaidFen)}，可贴息至多 ${yuanZh(b.capFen)}，` +
        `本次贴息 ${yuanZh(line.amountFen)}`
      );
    }
    case 'guarantee_topup': {
      const b = line.basis;
      const payer = b.payer === 'project' ? '扶贫项目财政资金' : line.entityName;
      return (
        `${line.entityName}保底分红${period}补足：保底 ${yuanZh(b.guaranteedFen)}，已分红 ${yuanZh(b.declaredFen)}，` +
        `差额 ${yuanZh(b.shortfallFen)}，由${payer}补足，本次 ${yuanZh(line.amountFen)}`
      );
    }
    case 'distribution': {
      const b = line.basis;
      const sources = b.incomeSources.map((s) => `${s.entityName}分红 ${yuanZh(s.amountFen)}`).join('、');
      const share =
        b.basis === 'per_household'
          ? `按户平均分配，共 ${b.totalWeight} 户`
          : b.basis === 'per_member'
            ? `按人口分配，本户 ${b.weight} 人，共 ${b.totalWeight} 人`
            : `按权重分配，本户权重 ${b.weight}，合计 ${b.totalWeight}`;
      return (
        `${b.collectiveName}${period}二次分配：村集体收入来自${sources || '所持股份分红'}，` +
        `拿出 ${yuanZh(b.poolFen)} ${share}，本次 ${yuanZh(line.amountFen)}`
      );
    }
  }
}

function explainEn(line: ExplainableLine): string {
  const period = periodText(line.period, 'en');
  switch (line.kind) {
    case 'dividend': {
      const b = line.basis;
      const paid = line.amountFen === b.allocatedFen ? '' : `; this payment ${yuanEn(line.amountFen)}`;
      const projects = b.projects.length
        ? ` (shares bought with the funds of ${b.projects
            .map((p) =>
              p.fundSources.length
                ? `${p.projectName}: ${p.fundSources.map((f) => `${sourceEn(f.source)} ${yuanEn(f.amountFen)}`).join(', ')}`
                : p.projectName,
            )
            .join('; ')})`
        : '';
      if (b.poolFen !== undefined) {
        return (
          `Dividend from ${line.entityName} for ${period}: you hold ${b.shares} of ${b.totalShares} shares; ` +
          `of a pool of ${yuanEn(b.poolFen)} your share is ${yuanEn(b.allocatedFen)}${paid}${projects}`
        );
      }
      const yearly = b.guaranteedYearlyFen ?? 0;
      return (
        `Guaranteed dividend from ${line.entityName} for ${period}: ${yuanEn(yearly)} a year × ` +
        `${b.periodShare} year = ${yuanEn(b.allocatedFen)}${paid}${projects}`
      );
    }
    case 'rent': {
      const b = line.basis;
      const paid = line.amountFen === b.dueFen ? '' : `; this payment ${yuanEn(line.amountFen)}`;
      return (
        `Land rent from ${line.entityName} for ${period}: ${b.areaMu} mu × ${formatYuan(b.rentPerMuYearFen)} ` +
        `yuan/mu/year × ${b.periodShare} year = ${yuanEn(b.dueFen)}${paid}`
      );
    }
    case 'wage': {
      const b = line.basis;
      const supplementary = b.supplementary ? ' (supplementary)' : '';
      let figures = `${WAGE_BASIS_EN[b.wageBasis]} ${yuanEn(b.rateFen)}`;
      let amountShown = false;
      if (b.daysWorked !== undefined) {
        if (b.wageBasis === 'daily' && b.rateFen * b.daysWorked === line.amountFen) {
          figures += ` × ${b.daysWorked} days = ${yuanEn(line.amountFen)}`;
          amountShown = true;
        } else {
          figures += `, ${b.daysWorked} days worked`;
        }
      }
      if (!amountShown && !(b.wageBasis === 'monthly' && b.rateFen === line.amountFen)) {
        figures += `, paid ${yuanEn(line.amountFen)}`;
      }
      return `Wage from ${line.entityName} for ${period}${supplementary}: ${b.workerName}, ${figures}`;
    }
    case 'purchase': {
      const b = line.basis;
      const delivered = line.deliveredOn ? ` (delivered ${line.deliveredOn})` : '';
      return (
        `${line.entityName} bought ${b.quantity} ${b.unit} of ${b.product} × ${formatYuan(b.priceFen)} yuan/${b.unit} = ` +
        `${yuanEn(line.amountFen)}${delivered}`
      );
    }
    case 'interest_subsidy': {
      const b = line.basis;
      const invested = line.entityName ? `, invested in ${line.entityName}` : '';
      return (
        `Interest subsidy on a poverty micro-credit loan of ${yuanEn(b.principalFen)} from ${b.lender}${invested} ` +
        `at ${percent(b.annualRateBp)}, subsidised at ${percent(b.subsidyRateBp)}: of ${yuanEn(b.interestRepaidFen)} ` +
        `interest repaid, at most ${yuanEn(b.capFen)} is subsidised; this payment ${yuanEn(line.amountFen)}`
      );
    }
    case 'guarantee_topup': {
      const b = line.basis;
      const payer = b.payer === 'project' ? "the project's fiscal funds" : line.entityName;
      return (
        `Top-up of the guaranteed dividend from ${line.entityName} for ${period}: ${yuanEn(b.guaranteedFen)} guaranteed, ` +
        `${yuanEn(b.declaredFen)} declared, ${yuanEn(b.shortfallFen)} short, covered by ${payer}; ` +
        `this payment ${yuanEn(line.amountFen)}`
      );
    }
    case 'distribution': {
      const b = line.basis;
      const sources = b.incomeSources.map((s) => `${s.entityName} ${yuanEn(s.amountFen)}`).join(', ');
      const share =
        b.basis === 'per_household'
          ? `shared equally over ${b.totalWeight} households`
          : b.basis === 'per_member'
            ? `shared per member: ${b.weight} of ${b.totalWeight} members`
            : `shared by weight: ${b.weight} of ${b.totalWeight}`;
      return (
        `Distribution from ${b.collectiveName} for ${period}: the collective's income came from dividends ` +
        `(${sources || 'its stakes'}); a pool of ${yuanEn(b.poolFen)} was ${share}; this payment ${yuanEn(line.amountFen)}`
      );
    }
  }
}

/** The linkage form of each kind of payment. */
export const FORM_OF_KIND = {
  dividend: 'equity',
  rent: 'lease',
  wage: 'labour',
  purchase: 'order',
  interest_subsidy: 'credit',
  guarantee_topup: 'equity',
  distribution: 'collective',
} as const satisfies Record<StatementKind, string>;
