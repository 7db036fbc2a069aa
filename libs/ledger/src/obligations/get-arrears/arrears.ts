import type { ObligationTotals } from '../get-obligations/obligations.view';
import type { ObligationItemOfEntity } from '../get-obligations/read-obligations';
import type { EntityArrears } from './arrears.view';

/**
 * One entity's arrears from its obligation items due by the date asked: its due, paid and outstanding
 * summed over every item, and the households owed something. Items held by a village collective in a
 * household's place carry no `household-…` id and are not counted as households.
 */
export function entityArrears(
  entity: EntityArrears['entity'],
  items: readonly Pick<ObligationItemOfEntity, 'householdId' | 'dueFen' | 'paidFen' | 'outstandingFen'>[],
): EntityArrears {
  const owed = new Set<string>();
  let dueFen = 0;
  let paidFen = 0;
  let outstandingFen = 0;
  for (const item of items) {
    dueFen += item.dueFen;
    paidFen += item.paidFen;
    outstandingFen += item.outstandingFen;
    if (item.outstandingFen > 0 && item.householdId?.startsWith('household-')) owed.add(item.householdId);
  }
  return { entity, households: owed.size, dueFen, paidFen, outstandingFen };
}

/** The entities with something outstanding, largest first (then by name and id), and their totals. */
export function arrearsList(entities: readonly EntityArrears[]): {
  entities: EntityArrears[];
  totals: ObligationTotals;
} {
  const listed = entities
    .filter((e) => e.outstandingFen > 0)
    .sort(
      (a, b) =>
        b.outstandingFen - a.outstandingFen ||
        a.entity.name.localeCompare(b.entity.name, 'zh-Hans-CN') ||
        (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0),
    );
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
