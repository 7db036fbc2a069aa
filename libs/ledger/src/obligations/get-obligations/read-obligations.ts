import type { Pool } from 'pg';
import { holderFields, holderOf } from '../../stakes/stake-holder';
import { readGuaranteeItems } from '../guarantee-obligations';
import { obligationKeys, type ObligationsOf } from './obligations-of';
import type { ObligationItem, ObligationListTotals, ObligationTotals } from './obligations.view';

interface Row {
  kind: 'dividend' | 'rent' | 'distribution';
  linkage_id: string;
  entity_id: string;
  household_id: string;
  period: string;
  due_on: string;
  due_fen: string;
  paid_fen: string;
}

/** An item with the entity that owes it (a household's items come from several). */
export type ObligationItemOfEntity = ObligationItem & { entityId: string };

/**
 * The obligations of one entity, or what every entity owes one household, as the ledger stood at
 * `asOf`; each item names the entity that owes it.
 */
export async function readObligations(
  pool: Pool,
  /** One entity's obligations, several entities' (a county's, in one read), or what every entity owes one household. */
  by: ObligationsOf,
  asOf: string,
  dueBy: string,
  /** A clerk's townships: only the items of households registered in them. Undefined: every item. */
  townships?: readonly string[],
): Promise<{ items: ObligationItemOfEntity[]; totals: ObligationListTotals }> {
  const { column, keys } = obligationKeys(by);
  const { rows } = await pool.query<Row>(
    // What was paid on each item is summed from that linkage's own payments (index on linkage_id), not
    // from every payment of the ledger: the read costs what the entity owes, not what the county paid.
    `with schedules as (
       select distinct on (s.lease_id) s.lease_id, s.version, l.household_id, l.entity_id
         from obligation_leases l
         join obligation_rent_schedules s on s.lease_id = l.lease_id
        where l.${column} = any($1::text[]) and s.recorded_at <= $2::timestamptz
        order by s.lease_id, s.version desc
     )
     , items as (
     -- A collective's distribution is kept as its declaration is: one row per household.
     select case when d.declaration_id like 'distribution-%' then 'distribution' else 'dividend' end as kind,
            d.declaration_id as linkage_id, d.entity_id, d.household_id, d.period, d.due_on, d.due_fen,
            coalesce((select sum(p.amount_fen) from obligation_payments p
                       where p.linkage_id = d.declaration_id and p.household_id = d.household_id
                         and p.recorded_at <= $2::timestamptz
                         and (p.reversed_at is null or p.reversed_at > $2::timestamptz)), 0) as paid_fen
       from obligation_dividends d
      where d.${column} = any($1::text[]) and d.recorded_at <= $2::timestamptz and d.due_on <= $3
     union all
     select 'rent', r.lease_id, s.entity_id, s.household_id, r.period, r.due_on, r.due_fen,
            coalesce((select sum(p.amount_fen) from obligation_payments p
                       where p.linkage_id = r.lease_id and p.period = r.period
                         and p.recorded_at <= $2::timestamptz
                         and (p.reversed_at is null or p.reversed_at > $2::timestamptz)), 0)
       from schedules s
       join obligation_rent_dues r on r.lease_id = s.lease_id and r.version = s.version
      where r.due_on <= $3
     )
     -- Scope by each household's own township (a household's township never changes), not the entity's.
     select * from items i
      where $4::text[] is null
         or exists (select 1 from household_list h where h.household_id = i.household_id and h.township = any($4))`,
    [keys, asOf, dueBy, townships ?? null],
  );
  const guarantees = await readGuaranteeItems(pool, by, asOf, dueBy, townships);
  const items = rows
    .map((r): ObligationItemOfEntity => ({
      linkageId: r.linkage_id,
      entityId: r.entity_id,
      kind: r.kind,
      ...holderFields(r.household_id),
      period: r.period,
      dueOn: r.due_on,
      dueFen: Number(r.due_fen),
      paidFen: Number(r.paid_fen),
      outstandingFen: Number(r.due_fen) - Number(r.paid_fen),
    }))
    .concat(guarantees)
    .sort(byDueDateThenLinkage);
  const totals = obligationTotals(items);
  return { items, totals };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The arrears list's order: due date, then linkage, household and period (plain string order). */
export function byDueDateThenLinkage(a: ObligationItem, b: ObligationItem): number {
  return (
    compare(a.dueOn, b.dueOn) ||
    compare(a.linkageId, b.linkageId) ||
    compare(holderOf(a), holderOf(b)) ||
    compare(a.period, b.period)
  );
}

const NONE: ObligationTotals = { dueFen: 0, paidFen: 0, outstandingFen: 0 };
const plus = (t: ObligationTotals, i: ObligationTotals): ObligationTotals => ({
  dueFen: t.dueFen + i.dueFen,
  paidFen: t.paidFen + i.paidFen,
  outstandingFen: t.outstandingFen + i.outstandingFen,
});

/** The list's totals, and by kind: the kinds add up to the whole. */
export function obligationTotals(
  items: readonly Pick<ObligationItem, 'kind' | keyof ObligationTotals>[],
): ObligationListTotals {
  const byKind = { dividend: NONE, rent: NONE, guarantee: NONE, distribution: NONE };
  for (const item of items) byKind[item.kind] = plus(byKind[item.kind], item);
  return { ...items.reduce(plus, NONE), byKind };
}
