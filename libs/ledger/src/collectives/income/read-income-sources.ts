import type { Pool } from 'pg';
import type { CollectiveIncomeSource } from '../collective.events';

/** The figures of a distribution the read side compares with its declaration's. */
export interface CurrentIncome {
  /** Dividends paid to the collective by the distribution's declaredOn, neither reversed nor returned, by entity. */
  incomeSources: CollectiveIncomeSource[];
  /** The pools of the collective's distributions declared before this one (lower ordinal). */
  distributedBeforeFen: number;
}

/**
 * The income behind each distribution as the collective ledger stands now, for many distributions in
 * one query (a statement's lines, a collective, a county's fund flow): a reissued payment counts on its
 * own paidOn, as the decider counts it. Sources are ordered by the entity's first payment, then id.
 */
export async function readCurrentIncome(
  pool: Pick<Pool, 'query'>,
  distributionIds: readonly string[],
): Promise<Map<string, CurrentIncome>> {
  const result = new Map<string, CurrentIncome>();
  if (distributionIds.length === 0) return result;
  const [sources, before] = await Promise.all([
    pool.query<{ distribution_id: string; entity_id: string; entity_name: string; amount_fen: string }>(
      `select d.distribution_id, c.entity_id, coalesce(e.name, '') as entity_name,
              sum(p.amount_fen) as amount_fen, min(p.paid_on) as first_paid_on
         from collective_distributions d
         join collective_payments p on p.collective_id = d.collective_id and p.kind = 'income'
                                   and p.paid_on <= d.declared_on and not p.reversed and not p.returned
         join collective_declarations c on c.declaration_id = p.linkage_id
         left join collective_entities e on e.entity_id = c.entity_id
        where d.distribution_id = any($1)
        group by d.distribution_id, c.entity_id, e.name
        order by d.distribution_id, first_paid_on, c.entity_id`,
      [distributionIds],
    ),
    pool.query<{ distribution_id: string; before_fen: string }>(
      `select d.distribution_id,
              coalesce((select sum(o.pool_fen) from collective_distributions o
                         where o.collective_id = d.collective_id and o.ordinal < d.ordinal), 0) as before_fen
         from collective_distributions d
        where d.distribution_id = any($1)`,
      [distributionIds],
    ),
  ]);
  for (const r of before.rows) {
    result.set(r.distribution_id, { incomeSources: [], distributedBeforeFen: Number(r.before_fen) });
  }
  for (const r of sources.rows) {
    result.get(r.distribution_id)?.incomeSources.push({
      entityId: r.entity_id,
      entityName: r.entity_name,
      amountFen: Number(r.amount_fen),
    });
  }
  return result;
}
