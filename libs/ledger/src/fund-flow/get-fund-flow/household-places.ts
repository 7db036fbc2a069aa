import type { Pool } from 'pg';
import { isCollectiveId } from '../../stakes/stake-holder';
import type { FundFlowHouseholdPlace, FundFlowView } from './fund-flow.view';

/**
 * Where the households of some flows live (the household register's names and places, erased names
 * as the register shows them), in one query: what the console's diagram needs to draw entity → village
 * links without paging through the whole register. A collective holding a stake is no household.
 */
export async function householdPlaces(
  pool: Pool,
  views: readonly Pick<FundFlowView, 'stakes' | 'credit'>[],
): Promise<FundFlowHouseholdPlace[]> {
  const ids = new Set<string>();
  for (const v of views) {
    for (const s of v.stakes) if ('householdId' in s && !isCollectiveId(s.householdId)) ids.add(s.householdId);
    for (const c of v.credit) ids.add(c.householdId);
  }
  if (ids.size === 0) return [];
  const { rows } = await pool.query<{ household_id: string; head_name: string; village: string; township: string }>(
    `select household_id, head_name, village, township from household_list
      where household_id = any($1) order by household_id`,
    [[...ids]],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    headName: r.head_name,
    village: r.village,
    township: r.township,
  }));
}
