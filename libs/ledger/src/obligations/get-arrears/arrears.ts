import type { ObligationKind, ObligationTotals } from '../get-obligations/obligations.view';
import type { ObligationItemOfEntity } from '../get-obligations/read-obligations';
import type { EntityArrears } from './arrears.view';

/** The kinds of obligation the arrears can be narrowed to (the arrears' "form": dividends, rents, guarantee shortfalls, distributions). */
export const ARREARS_KINDS = [
  'dividend',
  'rent',
  'guarantee',
  'distribution',
] as const satisfies readonly ObligationKind[];

/** What the arrears can be sorted by: outstanding (default largest first), entity name, oldest due date. */
export const ARREARS_SORTS = ['outstanding', 'entity', 'oldestDue'] as const;
export type ArrearsSort = (typeof ARREARS_SORTS)[number];
export const DEFAULT_ARREARS_SORT = '-outstanding';

/**
 * One entity's arrears from its obligation items due by the date asked: its due, paid and outstanding
 * summed over every item, the households owed something, and the earliest due date still unpaid. Items
 * held by a village collective in a household's place carry no `household-…` id and are not counted as
 * households.
 */
export function entityArrears(
  entity: EntityArrears['entity'],
  items: readonly Pick<ObligationItemOfEntity, 'householdId' | 'dueOn' | 'dueFen' | 'paidFen' | 'outstandingFen'>[],
): EntityArrears {
  const owed = new Set<string>();
  let dueFen = 0;
  let paidFen = 0;
  let outstandingFen = 0;
  let oldestDueOn: string | null = null;
  for (const item of items) {
    dueFen += item.dueFen;
    paidFen += item.paidFen;
    outstandingFen += item.outstandingFen;
    if (item.outstandingFen <= 0) continue;
    // ISO dates compare as text.
    if (oldestDueOn === null || item.dueOn < oldestDueOn) oldestDueOn = item.dueOn;
    if (item.householdId?.startsWith('household-')) owed.add(item.householdId);
  }
  return { entity, households: owed.size, dueFen, paidFen, outstandingFen, oldestDueOn };
}

const byName = (a: EntityArrears, b: EntityArrears) => a.entity.name.localeCompare(b.entity.name, 'zh-Hans-CN');
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ascending comparisons of each sort key. */
const ASCENDING: Record<ArrearsSort, (a: EntityArrears, b: EntityArrears) => number> = {
  outstanding: (a, b) => a.outstandingFen - b.outstandingFen,
  entity: byName,
  oldestDue: (a, b) => byText(a.oldestDueOn ?? '', b.oldestDueOn ?? ''),
};

/**
 * The entities with something outstanding in the order asked (`sort` from ARREARS_SORTS, `-` for
 * descending; by default the largest outstanding first), ties broken by name then id, and their totals.
 */
export function arrearsList(
  entities: readonly EntityArrears[],
  sort: string = DEFAULT_ARREARS_SORT,
): { entities: EntityArrears[]; totals: ObligationTotals } {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as ArrearsSort;
  const sign = descending ? -1 : 1;
  // Equal keys fall back to the name, then the id, both ascending: the same order either way round.
  const compare = (a: EntityArrears, b: EntityArrears) =>
    sign * ASCENDING[key](a, b) || byName(a, b) || byText(a.entity.id, b.entity.id);
  const listed = entities.filter((e) => e.outstandingFen > 0).sort(compare);
  const totals = listed.reduce(
    (t, e) => ({
      dueFen: t.dueFen + e.dueFen,
      paidFen: t.paidFen + e.paidFen,
      outstandingFen: t.outstandingFen + e.outstandingFen,
    }),
    { dueFen: 0, paidFen: 0, outstandingFen: 0 },
  );
  return { entities: listed, totals };
}
