import type { CollectiveIncomeSource, DistributionBasis } from '../collective.events';
import type { Fen, SignedFen } from '../../primitives/money';

/** Whether a payment still counts: paid, taken back (reversed) or sent back by the bank (returned). */
export type CollectivePaymentStatus = 'paid' | 'reversed' | 'returned';

/** `GET /v1/collectives/{id}`: a village collective's income, what it shared out, and to whom. */
export interface CollectiveView {
  collective: { id: string; name: string; kind: string; township: string; county: string };
  /** Dividends paid to the collective, neither reversed nor returned. */
  incomeFen: Fen;
  /** The pools of its distributions. */
  distributedFen: Fen;
  /** incomeFen − distributedFen: below 0 when income was reversed or returned after it was shared out. */
  undistributedFen: SignedFen;
  stakes: {
    stakeId: string;
    entity: { id: string; name: string };
    source: string;
    projectId?: string;
    principalFen: Fen;
    shares: number;
    startsOn: string;
    endsOn?: string;
  }[];
  distributions: {
    distributionId: string;
    period: string;
    declaredOn: string;
    poolFen: Fen;
    basis: DistributionBasis;
    totalWeight: number;
    /** Dividends paid to the collective by declaredOn, net of reversals and returns as recorded now. */
    incomeSources: CollectiveIncomeSource[];
    /** The sources the declaration recorded, present only when a later reversal or return changed them. */
    declaredIncomeSources?: CollectiveIncomeSource[];
    /** What this pool and the earlier ones exceed that income by now (0: covered); the auditor's flag. */
    overdrawnFen: Fen;
    allocations: { householdId: string; weight: number; amountFen: Fen; paidFen: Fen; owedFen: Fen }[];
    paidFen: Fen;
    owedFen: Fen;
  }[];
  /** The dividends paid to the collective. */
  payments: {
    paymentId: string;
    declarationId: string;
    entity: { id: string; name: string };
    amountFen: Fen;
    paidOn: string;
    reference?: string;
    status: CollectivePaymentStatus;
  }[];
}
