import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { assertMayReadIn } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { readCursor } from '../../common/page';
import { StreamWriter } from '../../common/stream-writer';
import { directoryProjection } from '../../directory/directory.projection';
import { household } from '../../households/household.state';
import { ProjectionsHost } from '../../projections/projections-host';
import { dateInChina } from '../../primitives/calendar';
import { obligationsProjection } from '../obligations.projection';
import { pageOf } from '../get-obligations/get-obligations.handler';
import { canonicalInstant } from '../get-obligations/instant';
import { readObligations } from '../get-obligations/read-obligations';
import { GetHouseholdObligationsQuery } from './get-household-obligations.query';
import type { HouseholdObligationItem, HouseholdObligationsView } from './household-obligations.view';

/**
 * What every entity owes one household, as the ledger stood at `asOf`. The household reads its own
 * (its token); a clerk reads a household of its townships, whichever township the entity is in.
 */
@QueryHandler(GetHouseholdObligationsQuery)
export class GetHouseholdObligationsHandler implements IQueryHandler<GetHouseholdObligationsQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
    private readonly streams: StreamWriter,
  ) {}

  async execute({ householdId, filter, actor }: GetHouseholdObligationsQuery): Promise<HouseholdObligationsView> {
    const { state } = await this.streams.read(householdId, household);
    if (state.status !== 'registered') {
      throw notFound('HOUSEHOLD.NOT_FOUND', `No household ${householdId}.`, `没有编号为 ${householdId} 的农户。`);
    }
    assertMayReadIn(actor, state.township, householdId);
    await this.projections.waitFor(filter.minPosition, [obligationsProjection.name, directoryProjection.name]);
    const asOf = filter.asOf ?? new Date().toISOString();
    const dueBy = filter.dueBy ?? dateInChina(asOf);
    const after = readCursor(filter.cursor, 4);
    const { items, totals } = await readObligations(this.database.pool, { householdId }, canonicalInstant(asOf), dueBy);
    const entityIds = [...new Set(items.map((i) => i.entityId))];
    const { rows } = await this.database.pool.query<{ entity_id: string; name: string }>(
      'select entity_id, name from entity_list where entity_id = any($1)',
      [entityIds],
    );
    const names = new Map(rows.map((r) => [r.entity_id, r.name]));
    const named = items.map(({ entityId, ...item }): HouseholdObligationItem => ({
      ...item,
      entity: { id: entityId, name: names.get(entityId) ?? '' },
      household: { id: householdId, headName: state.headName },
    }));
    const page = pageOf(named, filter.limit, after);
    return {
      household: { id: householdId, headName: state.headName, township: state.township },
      asOf,
      dueBy,
      items: page.items as HouseholdObligationItem[],
      totals,
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}
