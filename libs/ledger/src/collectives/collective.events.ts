import type { DomainEvent } from '../common/decider';
import type { NoticeHoldChanged } from '../notices/notice.events';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { Fen } from '../primitives/money';

/**
 * How a collective shares a pool out (二次分配): one part per household, one per registered member,
 * or integer weights a village meeting decided (e.g. more for a household with a disabled member).
 */
export const DISTRIBUTION_BASES = ['per_household', 'per_member', 'weighted'] as const;
export type DistributionBasis = (typeof DISTRIBUTION_BASES)[number];

/** One household's part of a distribution, with the weight that explains it. */
export interface DistributionAllocation {
  householdId: string;
  /** The household's township, for clerks' scoping of payments. */
  township: string;
  /** 1 per household, the member count per member, or the weight given. */
  weight: number;
  amountFen: Fen;
}

/** Where a collective's income came from: dividends paid to it by one entity, net of reversals and returns. */
export interface CollectiveIncomeSource {
  entityId: string;
  entityName: string;
  amountFen: Fen;
}

/**
 * A village collective declared a distribution (二次分配) of part of its income over households of
 * its village. Its own stream, `distribution-<uuid>`, which its payments join. The income it was
 * drawn from is recorded as it stood at the declaration, so a household's line explains it later.
 */
export type DistributionDeclared = DomainEvent<
  'DistributionDeclared',
  {
    distributionId: string;
    /** The collective's entity id, and its name as registered. */
    collectiveId: string;
    collectiveName: string;
    /** The collective's township. */
    township: string;
    period: string;
    declaredOn: string;
    poolFen: Fen;
    basis: DistributionBasis;
    totalWeight: number;
    /** Dividends paid to the collective on or before declaredOn, net of reversals and returns, by entity. */
    incomeSources: CollectiveIncomeSource[];
    /** The pools of the collective's earlier distributions. */
    distributedBeforeFen: Fen;
    /** The collective's n-th distribution (1-based): concurrent declarations of one collective meet here. */
    ordinal: number;
    allocations: DistributionAllocation[];
  }
>;

/**
 * Part or all of a household's share of a distribution paid to it, with the figures that explain it
 * on the household's statement (the collective, its basis and the income it shared), as a top-up
 * carries its own.
 */
export type DistributionPaid = DomainEvent<
  'DistributionPaid',
  {
    distributionId: string;
    /** `<distributionId>.p<n>`. */
    paymentId: string;
    /** The collective paying, and its name. */
    collectiveId: string;
    collectiveName: string;
    householdId: string;
    township: string;
    period: string;
    amountFen: Fen;
    paidOn: string;
    /** Voucher or bank reference (凭证号). */
    reference?: string;
    basis: DistributionBasis;
    /** The household's weight and the total over the distribution's households. */
    weight: number;
    totalWeight: number;
    poolFen: Fen;
    incomeSources: CollectiveIncomeSource[];
  }
>;

export type DistributionEvent = DistributionDeclared | DistributionPaid | PaymentReversed | PaymentBankEvent;

/**
 * Every event of a distribution's stream: its own, and the holds public notices (公示) on it put on its
 * payments (see NoticeHoldChanged), which only the distribution's deciders read.
 */
export type DistributionStreamEvent = DistributionEvent | NoticeHoldChanged;
