import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { assertMayReadIn } from '../../common/actor';
import { forbidden } from '../../common/domain-error';
import { ProjectionsHost } from '../../projections/projections-host';
import { reconciliationsProjection } from '../reconciliation.projection';
import { listReconciliations } from '../reconciliations.reader';
import type { ReconciliationList } from '../reconciliation.view';
import { ListReconciliationsQuery } from './list-reconciliations.query';

/** Default page size of the list. */
const PAGE = 50;

/** Past reconciliations, newest first: a clerk's townships', or everyone's for auditors and admins. */
@QueryHandler(ListReconciliationsQuery)
export class ListReconciliationsHandler implements IQueryHandler<ListReconciliationsQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor }: ListReconciliationsQuery): Promise<ReconciliationList> {
    if (actor.role === 'household') {
      throw forbidden(
        'AUTH.NOT_YOURS',
        'Reconciliations are for clerks and auditors.',
        '银行对账记录仅供经办人和审计查看。',
      );
    }
    if (filter.township !== undefined) assertMayReadIn(actor, filter.township);
    await this.projections.waitFor(filter.minPosition, [reconciliationsProjection.name]);
    return listReconciliations(this.database.pool, {
      ...(filter.township === undefined ? {} : { township: filter.township }),
      ...(filter.year === undefined ? {} : { year: filter.year }),
      ...(actor.role === 'clerk' && filter.township === undefined ? { townships: actor.townships } : {}),
      limit: filter.limit ?? PAGE,
      ...(filter.cursor === undefined ? {} : { cursor: filter.cursor }),
      ...(filter.sort === undefined ? {} : { sort: filter.sort }),
    });
  }
}
