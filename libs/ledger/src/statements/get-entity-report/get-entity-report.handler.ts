import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { readReadableEntity } from '../../entities/readable-entity';
import { StreamWriter } from '../../common/stream-writer';
import { householdListProjection } from '../../households/list-households/household-list.projection';
import { canonicalInstant } from '../../obligations/get-obligations/instant';
import { readObligations } from '../../obligations/get-obligations/read-obligations';
import { obligationsProjection } from '../../obligations/obligations.projection';
import { ProjectionsHost } from '../../projections/projections-host';
import { holdingsProjection } from '../holdings/holdings.projection';
import { statementProjection } from '../statement.projection';
import { entityReportFigures } from './entity-report';
import type { EntityReportView } from './entity-report.view';
import { GetEntityReportQuery } from './get-entity-report.query';
import { readEntityYear } from './read-entity-report';

/**
 * An entity's linkage report for a year (带贫户数): the households it lifts, by form, its workers,
 * what it paid them, and what it still owes on items due by the year's end. Read by admins, auditors
 * and the clerks of the entity's township, as the entity itself is; a clerk's figures count only the
 * households of its townships (county roles see all).
 */
@QueryHandler(GetEntityReportQuery)
export class GetEntityReportHandler implements IQueryHandler<GetEntityReportQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
    private readonly streams: StreamWriter,
  ) {}

  async execute({ entityId, filter, actor }: GetEntityReportQuery): Promise<EntityReportView> {
    const { state } = await readReadableEntity(this.streams, entityId, actor);
    await this.projections.waitFor(filter.minPosition, [
      statementProjection.name,
      holdingsProjection.name,
      obligationsProjection.name,
      householdListProjection.name,
    ]);
    const { year } = filter;
    // A clerk counts the households of their own townships only, whatever the entity's township.
    const townships = actor.role === 'clerk' ? actor.townships : undefined;
    const [{ linked, paid }, owed] = await Promise.all([
      readEntityYear(this.database.pool, entityId, year, townships),
      readObligations(
        this.database.pool,
        { entityId },
        canonicalInstant(new Date().toISOString()),
        `${year}-12-31`,
        townships,
      ),
    ]);
    return {
      entity: {
        id: state.entityId,
        name: state.name,
        kind: state.kind,
        township: state.township,
        county: state.county,
      },
      year,
      ...entityReportFigures(linked, paid),
      outstandingFen: owed.totals.outstandingFen,
    };
  }
}
