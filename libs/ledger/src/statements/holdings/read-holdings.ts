import type { Pool } from 'pg';
import type { WageBasis } from '../../employment/employment.events';
import type { StakeSource } from '../../stakes/stake.events';
import type { Holdings } from '../statement.view';
import type { HoldingKind } from './holdings.projection';

interface HoldingRow {
  linkage_id: string;
  kind: HoldingKind;
  entity_id: string;
  entity_name: string;
  project_id: string | null;
  project_name: string | null;
  starts_on: string;
  ends_on: string | null;
  /** An end was recorded by the instant (its date is `ends_on`). */
  ended: boolean;
  /** The stake continuing this one, when its shares moved to another household by then. */
  transferred_to: string | null;
  terms: Record<string, unknown>;
}

/**
 * The household's linkages as recorded at `asOf` (an ISO instant; null: now), in the order they
 * started, each with the last end recorded by then. `today` (the date of `asOf` in China) decides
 * whether a stake whose term has run out is still active.
 */
export async function readHoldings(
  pool: Pool,
  householdId: string,
  asOf: string | null,
  today: string,
): Promise<Omit<Holdings, 'loans'>> {
  const { rows } = await pool.query<HoldingRow>({
    name: 'ledger_read_holdings',
    text: `select h.linkage_id, h.kind, h.entity_id, coalesce(h.entity_name, e.name, h.entity_id) as entity_name,
                  h.project_id, coalesce(p.name, h.project_id) as project_name, to_char(h.starts_on, 'YYYY-MM-DD') as starts_on,
                  to_char(coalesce(x.ends_on, h.ends_on), 'YYYY-MM-DD') as ends_on, x.ends_on is not null as ended, x.transferred_to, h.terms
             from holdings h
             left join holding_entities e on e.entity_id = h.entity_id
             left join holding_projects p on p.project_id = h.project_id
             left join lateral (select ends_on, transferred_to from holding_ends x
                                 where x.linkage_id = h.linkage_id and ($2::timestamptz is null or x.recorded_at <= $2::timestamptz)
                                 order by x.position desc limit 1) x on true
            where h.household_id = $1 and ($2::timestamptz is null or h.recorded_at <= $2::timestamptz)
            order by h.starts_on, h.position`,
    values: [householdId, asOf],
  });
  const holdings: Omit<Holdings, 'loans'> = { stakes: [], leases: [], employments: [], orders: [] };
  for (const r of rows) {
    const entity = { id: r.entity_id, name: r.entity_name };
    const t = r.terms;
    switch (r.kind) {
      case 'stake':
        holdings.stakes.push({
          stakeId: r.linkage_id,
          entity,
          source: t.source as StakeSource,
          ...(r.project_id === null ? {} : { project: { id: r.project_id, name: r.project_name ?? r.project_id } }),
          principalFen: Number(t.principalFen),
          shares: Number(t.shares),
          ...(t.guaranteedYearlyFen === undefined ? {} : { guaranteedYearlyFen: Number(t.guaranteedYearlyFen) }),
          startsOn: r.starts_on,
          ...(r.ends_on === null ? {} : { endsOn: r.ends_on }),
          // A stake ends when its end is recorded or on the last day of its term; one whose shares
          // moved to another household (动态调整) reads `transferred`.
          status:
            r.transferred_to !== null
              ? 'transferred'
              : r.ended || (r.ends_on !== null && r.ends_on < today)
                ? 'ended'
                : 'active',
          ...(t.transferredFrom === undefined ? {} : { transferredFrom: t.transferredFrom as string }),
          ...(r.transferred_to === null ? {} : { transferredTo: r.transferred_to }),
        });
        break;
      case 'lease':
        holdings.leases.push({
          leaseId: r.linkage_id,
          entity,
          areaMu: String(t.areaMu),
          rentPerMuYearFen: Number(t.rentPerMuYearFen),
          startsOn: r.starts_on,
          endsOn: r.ends_on ?? r.starts_on,
        });
        break;
      case 'employment':
        holdings.employments.push({
          employmentId: r.linkage_id,
          entity,
          workerName: String(t.workerName),
          wageBasis: t.wageBasis as WageBasis,
          rateFen: Number(t.rateFen),
          startsOn: r.starts_on,
          ...(r.ends_on === null ? {} : { endsOn: r.ends_on }),
        });
        break;
      case 'order':
        holdings.orders.push({
          orderId: r.linkage_id,
          entity,
          product: String(t.product),
          unit: String(t.unit),
          priceFen: Number(t.priceFen),
          startsOn: r.starts_on,
          endsOn: r.ends_on ?? r.starts_on,
        });
        break;
      default: {
        const unknown: never = r.kind;
        throw new Error(`unknown holding kind ${String(unknown)}`);
      }
    }
  }
  return holdings;
}
