import type { FundSource } from '../projects/project.events';
import { allocateLargestRemainder } from '../primitives/allocation';
import { formatYuan } from '../primitives/money';
import type { Fen } from '../primitives/money';

/**
 * The fund flow's arithmetic, on figures already read: attributing dividend payments to stakes,
 * adding up each step, and flagging every step whose money exceeds its source. Pure, so it can be
 * checked on figures in memory.
 */

export interface FundFigure {
  source: FundSource;
  amountFen: Fen;
}

export interface DisbursementFigure {
  entityId: string;
  entityName: string;
  amountFen: Fen;
}

export interface StakeFigure {
  stakeId: string;
  householdId: string;
  entityId: string;
  principalFen: Fen;
  /** A stake re-allocated from another household (动态调整) continues that stake: same principal, counted once. */
  transferredFrom?: string;
}

/** The stakes whose principal was bought with money: a transferred stake's principal is its predecessor's. */
const bought = (stakes: readonly StakeFigure[]): StakeFigure[] => stakes.filter((s) => s.transferredFrom === undefined);

/** One stake's allocation on a declaration. */
export interface AllocationFigure {
  declarationId: string;
  householdId: string;
  stakeId: string;
  amountFen: Fen;
}

/** What a household was paid on a declaration, not reversed. */
export interface PaymentFigure {
  declarationId: string;
  householdId: string;
  paidFen: Fen;
}

export interface DividendPaidFigure {
  stakeId: string;
  householdId: string;
  amountFen: Fen;
}

export type FundFlowRule =
  | 'FUND_FLOW.DISBURSED_BEYOND_FUNDS'
  | 'FUND_FLOW.STAKE_PRINCIPAL_BEYOND_DISBURSED'
  | 'FUND_FLOW.DIVIDENDS_PAID_BEYOND_ALLOCATED'
  | 'FUND_FLOW.LOAN_STAKES_BEYOND_PRINCIPAL'
  | 'FUND_FLOW.SUBSIDY_BEYOND_CAP'
  | 'FUND_FLOW.DISTRIBUTION_BEYOND_INCOME';

export interface FundFlowFlag {
  rule: FundFlowRule;
  detail: string;
}

export interface FundFlowTotals {
  fundsFen: Fen;
  disbursedFen: Fen;
  stakePrincipalFen: Fen;
  dividendsPaidFen: Fen;
}

/** Everything the fund flow of one project is computed from. */
export interface FundFlowInput {
  /** Funds received, by source. */
  funds: readonly FundFigure[];
  /** What the project disbursed, by entity. */
  disbursements: readonly DisbursementFigure[];
  /** The fiscal-fund stakes the project's money bought. */
  stakes: readonly StakeFigure[];
  /**
   * Every allocation to a household on a declaration in which it holds one of those stakes (its
   * other stakes there included: a payment is attributed over all of them).
   */
  allocations: readonly AllocationFigure[];
  /** What those households were paid on those declarations, not reversed. */
  payments: readonly PaymentFigure[];
  /** Names for the flags' wording. */
  names?: {
    entities?: Readonly<Record<string, string>>;
    households?: Readonly<Record<string, string>>;
    /** How a declaration is called: `石头村养牛合作社 2018-H1`. */
    declarations?: Readonly<Record<string, string>>;
  };
}

export interface FundFlowFigures {
  dividendsPaid: DividendPaidFigure[];
  totals: FundFlowTotals;
  flags: FundFlowFlag[];
}

const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);
const pairKey = (declarationId: string, householdId: string): string => `${declarationId}\u0000${householdId}`;

/**
 * Attributes what a household was paid on a declaration to its stakes there, in proportion to their
 * allocations, to the fen (largest remainder, ties by stake id). The household's unreversed payments
 * on the declaration are split as one sum, so a stake never receives more than its allocation while
 * the household is paid no more than it was allocated, whatever the number of part payments. If all
 * of its allocations are zero, the payment is split equally.
 */
export function attributePayment(
  paidFen: Fen,
  allocations: readonly Pick<AllocationFigure, 'stakeId' | 'amountFen'>[],
): { stakeId: string; amountFen: Fen }[] {
  if (allocations.length === 0 || paidFen <= 0) return [];
  const weighted = sum(allocations.map((a) => a.amountFen)) > 0;
  return allocateLargestRemainder(
    paidFen,
    allocations.map((a) => ({ key: a.stakeId, weight: weighted ? a.amountFen : 1 })),
  ).map((a) => ({ stakeId: a.key, amountFen: a.amountFen }));
}

/** The dividends paid on each of the project's stakes, the totals, and the flags. */
export function fundFlowFigures(input: FundFlowInput, lang: 'zh' | 'en' = 'zh'): FundFlowFigures {
  const en = lang === 'en';
  const entityName = (id: string) =>
    input.names?.entities?.[id] ?? input.disbursements.find((d) => d.entityId === id)?.entityName ?? id;
  const householdName = (id: string) => {
    const name = input.names?.households?.[id];
    return name === undefined ? id : `${name} (${id})`;
  };
  const declarationName = (id: string) => {
    const name = input.names?.declarations?.[id];
    return name === undefined ? id : `${name} (${id})`;
  };
  const flags: FundFlowFlag[] = [];

  // Funds → disbursements.
  const fundsFen = sum(input.funds.map((f) => f.amountFen));
  const disbursedFen = sum(input.disbursements.map((d) => d.amountFen));
  if (disbursedFen > fundsFen) {
    const over = formatYuan(disbursedFen - fundsFen);
    flags.push({
      rule: 'FUND_FLOW.DISBURSED_BEYOND_FUNDS',
      detail: en
        ? `The project disbursed ${formatYuan(disbursedFen)} yuan but received only ${formatYuan(fundsFen)} yuan of funds (${over} yuan more than it had).`
        : `项目共拨付 ${formatYuan(disbursedFen)} 元，但到位资金只有 ${formatYuan(fundsFen)} 元，超出 ${over} 元。`,
    });
  }

  // Disbursement to an entity → the fiscal-fund stakes bought there.
  const disbursedTo = new Map<string, number>();
  for (const d of input.disbursements) disbursedTo.set(d.entityId, (disbursedTo.get(d.entityId) ?? 0) + d.amountFen);
  const principalIn = new Map<string, number>();
  for (const s of bought(input.stakes))
    principalIn.set(s.entityId, (principalIn.get(s.entityId) ?? 0) + s.principalFen);
  for (const [entityId, principalFen] of principalIn) {
    const disbursed = disbursedTo.get(entityId) ?? 0;
    if (principalFen <= disbursed) continue;
    const over = formatYuan(principalFen - disbursed);
    const name = entityName(entityId);
    flags.push({
      rule: 'FUND_FLOW.STAKE_PRINCIPAL_BEYOND_DISBURSED',
      detail: en
        ? `Stakes bought with the project's money in ${name} (${entityId}) hold ${formatYuan(principalFen)} yuan of principal, but the project disbursed only ${formatYuan(disbursed)} yuan to it (${over} yuan more).`
        : `用本项目资金在「${name}」(${entityId}) 折股量化的股金共 ${formatYuan(principalFen)} 元，但项目只向该主体拨付了 ${formatYuan(disbursed)} 元，超出 ${over} 元。`,
    });
  }

  // Allocation on a declaration → dividends paid, attributed to the project's stakes.
  const projectStakes = new Map(input.stakes.map((s) => [s.stakeId, s]));
  const allocationsOf = new Map<string, AllocationFigure[]>();
  for (const a of input.allocations) {
    const key = pairKey(a.declarationId, a.householdId);
    const list = allocationsOf.get(key);
    if (list) list.push(a);
    else allocationsOf.set(key, [a]);
  }
  const paidOnStake = new Map<string, number>();
  for (const p of input.payments) {
    const allocations = allocationsOf.get(pairKey(p.declarationId, p.householdId)) ?? [];
    if (!allocations.some((a) => projectStakes.has(a.stakeId))) continue;
    const allocatedFen = sum(allocations.map((a) => a.amountFen));
    if (p.paidFen > allocatedFen) {
      const over = formatYuan(p.paidFen - allocatedFen);
      const declaration = declarationName(p.declarationId);
      const household = householdName(p.householdId);
      flags.push({
        rule: 'FUND_FLOW.DIVIDENDS_PAID_BEYOND_ALLOCATED',
        detail: en
          ? `On the dividend ${declaration}, ${household} was paid ${formatYuan(p.paidFen)} yuan but allocated only ${formatYuan(allocatedFen)} yuan (${over} yuan more).`
          : `分红方案 ${declaration} 向农户 ${household} 发放 ${formatYuan(p.paidFen)} 元，但其分配额只有 ${formatYuan(allocatedFen)} 元，超出 ${over} 元。`,
      });
    }
    for (const share of attributePayment(p.paidFen, allocations)) {
      if (projectStakes.has(share.stakeId)) {
        paidOnStake.set(share.stakeId, (paidOnStake.get(share.stakeId) ?? 0) + share.amountFen);
      }
    }
  }
  const dividendsPaid = input.stakes.flatMap((s) => {
    const amountFen = paidOnStake.get(s.stakeId) ?? 0;
    return amountFen > 0 ? [{ stakeId: s.stakeId, householdId: s.householdId, amountFen }] : [];
  });

  return {
    dividendsPaid,
    totals: {
      fundsFen,
      disbursedFen,
      stakePrincipalFen: sum(bought(input.stakes).map((s) => s.principalFen)),
      dividendsPaidFen: sum(dividendsPaid.map((d) => d.amountFen)),
    },
    flags,
  };
}
