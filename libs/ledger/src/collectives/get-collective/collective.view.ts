import type { CollectiveIncomeSource, DistributionBasis } from '../collective.events';

/** Whether a payment still counts: paid, taken back (reversed) or sent back by the bank (returned). */
export type CollectivePaymentStatus = 'paid' | 'reversed' | 'returned';

/** `GET /v1/collectives/{id}`: a village collective's income, what it shared out, and to whom. */
export interface CollectiveView {
  collective: { id: string; name: string; kind: string; township: string; county: string };
  /** Dividends paid to the collective, neither reversed nor returned. */
  incomeFen: number;
  /** The pools of its distributions. */
  distributedFen: number;
  /** incomeFen − distributedFen: below 0 when income was reversed or returned after it was shared out. */
  undistributedFen: number;
  stakes: {
    stakeId: string;
    entity: { id: string; name: string };
    source: string;
    projectId?: string;
    principalFen: number;
    shares: number;
    startsOn: string;
    endsOn?: string;
  }[];
  distributions: {
    distributionId: string;
    period: string;
    declaredOn: string;
    poolFen: number;
    basis: DistributionBasis;
    totalWeight: number;
    /** Dividends paid to the collective by declaredOn, net of reversals and returns as recorded now. */
    incomeSources: CollectiveIncomeSource[];
    /** The sources the declaration recorded, present only when a later reversal or return changed them. */
    declaredIncomeSources?: CollectiveIncomeSource[];
    /** What this pool and the earlier ones exceed that income by now (0: covered); the auditor's flag. */
    overdrawnFen: number;
    allocations: { householdId: string; weight: number; amountFen: number; paidFen: number; owedFen: number }[];
    paidFen: number;
    owedFen: number;
  }[];
  /** The dividends paid to the collective. */
  payments: {
    paymentId: string;
    declarationId: string;
    entity: { id: string; name: string };
    amountFen: number;
    paidOn: string;
    reference?: string;
    status: CollectivePaymentStatus;
  }[];
}
