import type { CollectiveIncomeSource } from '../collective.events';

/** A distribution as its declaration recorded it: those figures stay, whatever happens later. */
export interface DeclaredFigures {
  poolFen: number;
  /** The pools of the collective's earlier distributions (by ordinal), as the read model holds them now. */
  distributedBeforeFen: number;
  /** The income the declaration saw: dividends paid by declaredOn, net of reversals and returns then. */
  incomeSources: readonly CollectiveIncomeSource[];
}

/** How a distribution stands against the collective's income as the record stands now. */
export interface DistributionStanding {
  /** Dividends paid to the collective by declaredOn, net of every reversal and return recorded since. */
  incomeSources: CollectiveIncomeSource[];
  incomeFen: number;
  /** The sources the declaration recorded, only when a later reversal or return changed them. */
  declaredIncomeSources?: CollectiveIncomeSource[];
  /**
   * How far this pool, with the earlier ones, now exceeds that income (0 when covered): the auditor's
   * flag for a distribution whose money was taken back after it was shared out.
   */
  overdrawnFen: number;
}

const sum = (sources: readonly CollectiveIncomeSource[]) => sources.reduce((total, s) => total + s.amountFen, 0);
const sameSources = (a: readonly CollectiveIncomeSource[], b: readonly CollectiveIncomeSource[]) =>
  a.length === b.length && a.every((s) => b.some((t) => t.entityId === s.entityId && t.amountFen === s.amountFen));

/**
 * Events are never changed, so a declaration keeps the income it was checked against; the read side
 * shows the income as it stands now (a dividend to the collective reversed or returned by the bank
 * after the declaration no longer counts), keeps the declared sources beside it when they differ (the
 * why), and measures how far the pools now exceed it rather than hiding it.
 */
export function distributionStanding(
  declared: DeclaredFigures,
  current: readonly CollectiveIncomeSource[],
): DistributionStanding {
  const incomeFen = sum(current);
  const overdrawnFen = Math.max(0, declared.distributedBeforeFen + declared.poolFen - incomeFen);
  return {
    incomeSources: [...current],
    incomeFen,
    ...(sameSources(declared.incomeSources, current) ? {} : { declaredIncomeSources: [...declared.incomeSources] }),
    overdrawnFen,
  };
}
