import type { Pool } from 'pg';
import type { StreamWriter } from '../common/stream-writer';
import { dividend } from '../dividends/dividend.state';
import type { CollectiveIncomePayment } from './declare-distribution/declare-distribution.decide';

/**
 * The dividends paid to a collective, read from the declarations' own streams, so reversals and
 * returns are current. The read model only says which declarations allocated to the collective: one
 * it has not applied yet can only make the income look smaller, never larger.
 */
export async function collectiveIncome(
  pool: Pool,
  streams: StreamWriter,
  collectiveId: string,
): Promise<CollectiveIncomePayment[]> {
  const { rows } = await pool.query<{ declaration_id: string }>(
    `select d.declaration_id from collective_declarations d
      where d.allocations @> jsonb_build_array(jsonb_build_object('collectiveId', $1::text))
      order by d.declaration_id`,
    [collectiveId],
  );
  const declarations = await Promise.all(rows.map((r) => streams.read(r.declaration_id, dividend)));
  return declarations.flatMap(({ state }) =>
    state.status !== 'declared'
      ? []
      : state.payments
          .list()
          .filter((p) => p.householdId === collectiveId)
          .map((p) => ({
            entityId: state.entityId,
            entityName: state.entityName,
            amountFen: p.amountFen,
            paidOn: p.paidOn,
            undone: p.reversal !== undefined || p.returned !== undefined,
          })),
  );
}

/** The pools of the collective's distributions, in the order declared. */
export async function earlierPools(pool: Pool, collectiveId: string): Promise<number[]> {
  const { rows } = await pool.query<{ pool_fen: string }>(
    `select pool_fen from collective_distributions where collective_id = $1 order by ordinal`,
    [collectiveId],
  );
  return rows.map((r) => Number(r.pool_fen));
}
