import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../../common/domain-error';
import { computedPage, readComputedCursor } from '../../common/list-sort';
import { BadInputException } from '../../common/bad-input';
import { directoryProjection } from '../../directory/directory.projection';
import { householdListProjection } from '../../households/list-households/household-list.projection';
import { ProjectionsHost } from '../../projections/projections-host';
import { dateInChina } from '../../primitives/calendar';
import { canonicalInstant } from '../get-obligations/instant';
import { readObligations, type ObligationItemOfEntity } from '../get-obligations/read-obligations';
import { obligationsProjection } from '../obligations.projection';
import { arrearsList, DEFAULT_ARREARS_SORT, entityArrears } from './arrears';
import type { ArrearsView } from './arrears.view';
import { GetArrearsQuery } from './get-arrears.query';

/**
 * The county's arrears by entity (欠付台账), the first thing an auditor asks for: every entity with
 * something outstanding on items due by `dueBy`, as the ledger stood at `asOf`, named, largest first.
 * Every entity's items are read at once, by the same query as one entity's obligations, so both agree. Admins and auditors
 * read every entity; a clerk, the items of households in its townships (as on an entity's obligations).
 */
@QueryHandler(GetArrearsQuery)
export class GetArrearsHandler implements IQueryHandler<GetArrearsQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor, everyPage }: GetArrearsQuery): Promise<ArrearsView> {
    if (actor.role === 'household') {
      throw forbidden(
        'AUTH.NOT_YOURS',
        'The arrears list is for clerks and auditors.',
        '欠付台账仅供经办人和审计查看。',
      );
    }
    await this.projections.waitFor(filter.minPosition, [
      obligationsProjection.name,
      householdListProjection.name,
      directoryProjection.name,
    ]);
    const sort = filter.sort ?? DEFAULT_ARREARS_SORT;
    // A next page is computed as of the first page's instant and due date, so the pages fit together.
    const after = readComputedCursor(filter.cursor, sort, 2);
    const asOf = after?.context[0] ?? filter.asOf ?? new Date().toISOString();
    const dueBy = after?.context[1] ?? filter.dueBy ?? dateInChina(asOf);
    if (after && ((filter.asOf ?? asOf) !== asOf || (filter.dueBy ?? dueBy) !== dueBy)) throw otherListing();
    const townships = actor.role === 'clerk' ? actor.townships : undefined;
    const { rows } = await this.database.pool.query<{ entity_id: string; name: string; township: string }>(
      `select entity_id, name, township from entity_list
        where ($1::text is null or county = $1) and ($2::text is null or township = $2)
        order by entity_id`,
      [filter.county ?? null, filter.township ?? null],
    );
    const instant = canonicalInstant(asOf);
    // Every entity of the county in one read (set-based over the obligations read model), then split by
    // entity: the same items each entity's own obligations list, so both always agree.
    const { items } = await readObligations(
      this.database.pool,
      { entityIds: rows.map((r) => r.entity_id) },
      instant,
      dueBy,
      townships,
    );
    const itemsOf = new Map<string, ObligationItemOfEntity[]>();
    for (const item of items) {
      if (filter.kind !== undefined && item.kind !== filter.kind) continue;
      const list = itemsOf.get(item.entityId) ?? [];
      list.push(item);
      itemsOf.set(item.entityId, list);
    }
    const entities = rows.map((r) =>
      entityArrears({ id: r.entity_id, name: r.name, township: r.township }, itemsOf.get(r.entity_id) ?? []),
    );
    const { entities: listed, totals } = arrearsList(entities, sort);
    // The CSV carries every entity of the filter, in the order asked; JSON, one page.
    const limit = everyPage ? listed.length || 1 : (filter.limit ?? 50);
    const page = computedPage(listed, (e) => e.entity.id, { sort, context: [asOf, dueBy], after, limit });
    return {
      dueBy,
      asOf,
      entities: page.items,
      totals,
      total: page.total,
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    };
  }
}

/** A cursor given with an `asOf` or `dueBy` other than its first page's: it belongs to another listing. */
function otherListing(): BadInputException {
  return new BadInputException([
    { path: 'cursor', message: 'cursor belongs to a listing with another asOf or dueBy; start again without it' },
  ]);
}
