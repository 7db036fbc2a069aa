import type { Pool } from 'pg';
import type { LinkedInYear, PaidInYear } from './entity-report';

/** Every household when $4 is null, else those registered in the townships $4 (a household never moves). */
const IN_SCOPE = (alias: string) =>
  `($4::text[] is null or exists (select 1 from household_list s
     where s.household_id = ${alias}.household_id and s.township = any($4)))`;

/**
 * The entity's linkages active on some day of the year (started by its last day, not ended before its
 * first: the last end recorded, else the term's end) from the statement's holdings, and its payments
 * to households with `paidOn` in the year from the statement's lines, neither reversed nor returned.
 * A guarantee top-up the project paid is the project's money, not the entity's. A clerk's report
 * counts only the households registered in its townships, as its other reads do.
 */
export async function readEntityYear(
  pool: Pool,
  entityId: string,
  year: number,
  /** A clerk's townships: only households registered in them. Undefined: every household. */
  townships?: readonly string[],
): Promise<{ linked: LinkedInYear[]; paid: PaidInYear[] }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [linked, paid] = await Promise.all([
    pool.query<{ household_id: string; kind: LinkedInYear['kind'] }>(
      `select h.household_id, h.kind
         from holdings h
         left join lateral (select ends_on from holding_ends x where x.linkage_id = h.linkage_id
                             order by x.position desc limit 1) x on true
        where h.entity_id = $1 and h.starts_on <= $3::date
          and (coalesce(x.ends_on, h.ends_on) is null or coalesce(x.ends_on, h.ends_on) >= $2::date)
          and ${IN_SCOPE('h')}`,
      [entityId, from, to, townships ?? null],
    ),
    pool.query<{ household_id: string; form: string; amount_fen: string }>(
      `select household_id, form, amount_fen
         from statement_lines
        where entity_id = $1 and paid_on between $2::date and $3::date
          and reversal_id is null and returned_on is null
          and not (kind = 'guarantee_topup' and basis->>'payer' = 'project')
          and ${IN_SCOPE('statement_lines')}`,
      [entityId, from, to, townships ?? null],
    ),
  ]);
  return {
    linked: linked.rows.map((r) => ({ householdId: r.household_id, kind: r.kind })),
    paid: paid.rows.map((r) => ({ householdId: r.household_id, form: r.form, amountFen: Number(r.amount_fen) })),
  };
}
