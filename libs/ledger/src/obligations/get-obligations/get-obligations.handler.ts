import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { assertMayReadIn } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../../entities/entity.state';
import { ProjectionsHost } from '../../projections/projections-host';
import { dateInChina } from '../../shared/calendar';
import { obligationsProjection } from '../obligations.projection';
import { GetObligationsQuery } from './get-obligations.query';
import { canonicalInstant } from './instant';
import type { ObligationsView } from './obligations.view';
import { readObligations } from './read-obligations';

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
    const { state } = await this.streams.read(entityId, entity);
    if (state.status !== 'registered') {
      throw notFound('ENTITY.NOT_FOUND', `No entity ${entityId}.`, `没有编号为 ${entityId} 的经营主体。`);
    }
    assertMayReadIn(actor, state.township);
    await this.projections.waitFor(filter.minPosition, [obligationsProjection.name]);
    const asOf = filter.asOf ?? new Date().toISOString();
    const dueBy = filter.dueBy ?? dateInChina(asOf);
    const { items, totals } = await readObligations(this.database.pool, entityId, canonicalInstant(asOf), dueBy);
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
      items,
      totals,
    };
  }
}
