import type { PoolClient } from 'pg';
import { distributionStanding } from '../collectives/income/distribution-standing';
import { readCurrentIncome } from '../collectives/income/read-income-sources';
import { formatYuan } from '../primitives/money';
import { holderFields } from '../stakes/stake-holder';
import type { DividendPaidFigure, FundFlowFlag, StakeFigure } from './fund-flow.figures';
import type { Fen } from '../primitives/money';

/** A distribution (二次分配) of a collective the project's money bought a stake for, and what it paid. */
export interface DistributionFigure {
  distributionId: string;
  collectiveId: string;
  poolFen: Fen;
  /** Paid to households, neither reversed nor returned. */
  paidFen: Fen;
  /**
   * Only when above 0: how far this pool with the collective's earlier ones now exceeds the dividends
   * paid to it by the distribution's declaredOn, after reversals and returns recorded since.
   */
  overdrawnFen?: Fen;
}

/**
 * The distributions of every village collective holding one of each project's fiscal-fund stakes: the
 * next step of that money, from the collective to households. A collective's income may come from
 * several projects; its distributions are listed whole under each (a pool is not split by source).
 * Every project in one query, by project.
 */
export async function readProjectDistributions(
  db: Pick<PoolClient, 'query'>,
  projectIds: readonly string[],
): Promise<Map<string, DistributionFigure[]>> {
  const { rows } = await db.query<{
    project_id: string;
    distribution_id: string;
    collective_id: string;
    pool_fen: string;
    paid_fen: string;
  }>(
    `select h.project_id, d.distribution_id, d.collective_id, d.pool_fen,
            coalesce((select sum(p.amount_fen) from collective_payments p
                       where p.kind = 'distribution' and p.linkage_id = d.distribution_id
                         and not p.reversed and not p.returned), 0) as paid_fen
       from (select distinct s.project_id, s.collective_id from collective_stakes s
              where s.project_id = any($1) and s.source = 'fiscal_fund') h
       join collective_distributions d on d.collective_id = h.collective_id
      order by h.project_id, d.collective_id, d.ordinal`,
    [projectIds],
  );
  const income = await readCurrentIncome(db, [...new Set(rows.map((r) => r.distribution_id))]);
  const byProject = new Map<string, DistributionFigure[]>();
  for (const r of rows) {
    const list = byProject.get(r.project_id) ?? [];
    const now = income.get(r.distribution_id);
    const overdrawnFen =
      now === undefined
        ? 0
        : distributionStanding(
            {
              poolFen: Number(r.pool_fen),
              distributedBeforeFen: now.distributedBeforeFen,
              incomeSources: now.incomeSources,
            },
            now.incomeSources,
          ).overdrawnFen;
    list.push({
      distributionId: r.distribution_id,
      collectiveId: r.collective_id,
      poolFen: Number(r.pool_fen),
      paidFen: Number(r.paid_fen),
      ...(overdrawnFen > 0 ? { overdrawnFen } : {}),
    });
    byProject.set(r.project_id, list);
  }
  return byProject;
}

/** A stake or a dividend as the API names its holder: `collectiveId` in place of `householdId` for a collective. */
export function withHolderNamed<Figure extends StakeFigure | DividendPaidFigure>(
  figure: Figure,
): Omit<Figure, 'householdId'> & ({ householdId: string } | { collectiveId: string }) {
  const { householdId, ...rest } = figure;
  return { ...rest, ...holderFields(householdId) };
}

/** A flag for each distribution whose income was taken back after it was shared out (see overdrawnFen). */
export function distributionFlags(
  distributions: readonly DistributionFigure[],
  collectiveName: (id: string) => string,
  lang: 'zh' | 'en',
): FundFlowFlag[] {
  return distributions.flatMap((d) =>
    d.overdrawnFen === undefined
      ? []
      : [
          {
            rule: 'FUND_FLOW.DISTRIBUTION_BEYOND_INCOME' as const,
            detail:
              lang === 'en'
                ? `The distribution ${d.distributionId} of ${collectiveName(d.collectiveId)} shares out ${formatYuan(d.overdrawnFen)} yuan more than the collective's dividend income by its declaration, now that dividends to it were reversed or returned.`
                : `村集体「${collectiveName(d.collectiveId)}」的二次分配 ${d.distributionId} 超出其登记时已收分红 ${formatYuan(d.overdrawnFen)} 元（其后有分红被更正或退回）。`,
          },
        ],
  );
}
