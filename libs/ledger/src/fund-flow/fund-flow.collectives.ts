import type { PoolClient } from 'pg';
import { holderFields } from '../stakes/stake-holder';
import type { DividendPaidFigure, StakeFigure } from './fund-flow.figures';

/** A distribution (二次分配) of a collective the project's money bought a stake for, and what it paid. */
export interface DistributionFigure {
  distributionId: string;
  collectiveId: string;
  poolFen: number;
  /** Paid to households, neither reversed nor returned. */
  paidFen: number;
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
  const byProject = new Map<string, DistributionFigure[]>();
  for (const r of rows) {
    const list = byProject.get(r.project_id) ?? [];
    list.push({
      distributionId: r.distribution_id,
      collectiveId: r.collective_id,
      poolFen: Number(r.pool_fen),
      paidFen: Number(r.paid_fen),
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
