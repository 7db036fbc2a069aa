import { holderOf } from '../../stakes/stake-holder';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { encodeCursor, readCursor } from '../../common/page';
import { readReadableEntity } from '../../entities/readable-entity';
import { StreamWriter } from '../../common/stream-writer';
import { ProjectionsHost } from '../../projections/projections-host';
import { dateInChina } from '../../primitives/calendar';
import { householdListProjection } from '../../households/list-households/household-list.projection';
import { obligationsProjection } from '../obligations.projection';
import { GetObligationsQuery } from './get-obligations.query';
import { canonicalInstant } from './instant';
import type { ObligationItem, ObligationsView } from './obligations.view';
import { byDueDateThenLinkage, readObligations } from './read-obligations';

/**
 * The arrears list of an entity: what it owes households (dividends declared, rents fallen due) and
 * what it has paid, as the ledger stood at `asOf`. Admins and auditors read any entity's, clerks
 * those of entities in their townships.
 */
@QueryHandler(GetObligationsQuery)
export class GetObligationsHandler implements IQueryHandler<GetObligationsQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
    private readonly streams: StreamWriter,
  ) {}

  async execute({ entityId, filter, actor }: GetObligationsQuery): Promise<ObligationsView> {
    const { state } = await readReadableEntity(this.streams, entityId, actor);
    await this.projections.waitFor(filter.minPosition, [obligationsProjection.name, householdListProjection.name]);
    const asOf = filter.asOf ?? new Date().toISOString();
    const dueBy = filter.dueBy ?? dateInChina(asOf);
    const after = readCursor(filter.cursor, 4);
    // A clerk sees the households of their own townships only, whatever the entity's township.
    const townships = actor.role === 'clerk' ? actor.townships : undefined;
    const { items: read, totals } = await readObligations(
      this.database.pool,
      { entityId },
      canonicalInstant(asOf),
      dueBy,
      townships,
    );
    // The entity is the list's own: its items do not repeat it.
    const items = read.map(({ entityId: _entity, ...item }) => item);
    const page = pageOf(items, filter.limit, after);
    return {
      entity: {
        id: state.entityId,
        name: state.name,
        kind: state.kind,
        township: state.township,
        county: state.county,
      },
      asOf,
      dueBy,
      items: page.items,
      totals,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}

const cursorOf = (i: ObligationItem): string => encodeCursor([i.dueOn, i.linkageId, holderOf(i), i.period]);

/** The items after the cursor's item in the list's order, `limit` of them (all without a limit). */
export function pageOf(
  items: ObligationItem[],
  limit: number | undefined,
  after: string[] | undefined,
): { items: ObligationItem[]; nextCursor?: string } {
  let rest = items;
  if (after) {
    const [dueOn, linkageId, householdId, period] = after;
    rest = items.filter((i) => byDueDateThenLinkage(i, { ...i, dueOn, linkageId, householdId, period }) > 0);
  }
  if (limit === undefined || rest.length <= limit) return { items: rest };
  const shown = rest.slice(0, limit);
  return { items: shown, nextCursor: cursorOf(shown[shown.length - 1]) };
}
