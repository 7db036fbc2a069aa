import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { assertMayReadIn } from '../../common/actor';
import { forbidden, notFound } from '../../common/domain-error';
import { ProjectionsHost } from '../../projections/projections-host';
import { reconciliationsProjection } from '../reconciliation.projection';
import { readReconciliation, townshipOf } from '../reconciliations.reader';
import type { ReconciliationView } from '../reconciliation.view';
import { GetReconciliationQuery } from './get-reconciliation.query';

/** A kept reconciliation, reopened: its lists as recorded, names and payment states as they are now. */
@QueryHandler(GetReconciliationQuery)
export class GetReconciliationHandler implements IQueryHandler<GetReconciliationQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ reconciliationId, actor, minPosition }: GetReconciliationQuery): Promise<ReconciliationView> {
    if (actor.role === 'household') {
      throw forbidden(
        'AUTH.NOT_YOURS',
        'Reconciliations are for clerks and auditors.',
        '银行对账记录仅供经办人和审计查看。',
      );
    }
    await this.projections.waitFor(minPosition, [reconciliationsProjection.name]);
    const township = await townshipOf(this.database.pool, reconciliationId);
    if (township === undefined) throw reconciliationNotFound(reconciliationId);
    assertMayReadIn(actor, township);
    const view = await readReconciliation(this.database.pool, reconciliationId);
    if (!view) throw reconciliationNotFound(reconciliationId);
    return view;
  }
}

export const reconciliationNotFound = (id: string) =>
  notFound('RECONCILIATION.NOT_FOUND', `No reconciliation ${id}.`, `没有编号为 ${id} 的银行对账记录。`);
