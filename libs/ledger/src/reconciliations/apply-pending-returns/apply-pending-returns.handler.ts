import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { assertMayWriteIn } from '../../common/actor';
import { StreamWriter } from '../../common/stream-writer';
import { ProjectionsHost } from '../../projections/projections-host';
import { reconciliationNotFound } from '../get-reconciliation/get-reconciliation.handler';
import { reconciliationsProjection } from '../reconciliation.projection';
import { reconciliationStream } from '../reconciliation-stream';
import { readReconciliation } from '../reconciliations.reader';
import type { ReconciliationView } from '../reconciliation.view';
import { applyReconciliationReturns } from '../apply-returns';
import { ApplyPendingReturnsCommand } from './apply-pending-returns.command';

/**
 * Completes a kept reconciliation whose returns were interrupted (a crash after the record): reads
 * its one event, applies the returns it decided (each once, whoever applied it before), and answers
 * the reconciliation reopened once its read model has the returns. Nothing pending: nothing written.
 */
@CommandHandler(ApplyPendingReturnsCommand)
export class ApplyPendingReturnsHandler implements ICommandHandler<ApplyPendingReturnsCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ reconciliationId, metadata }: ApplyPendingReturnsCommand): Promise<ReconciliationView> {
    const { state } = await this.streams.read(reconciliationId, reconciliationStream);
    if (!state.kept) throw reconciliationNotFound(reconciliationId);
    const { township } = state.kept;
    assertMayWriteIn(metadata.actor, township);
    const applied = await applyReconciliationReturns(this.streams, state.kept, { ...metadata, township });
    await this.projections.waitFor(applied.position, [reconciliationsProjection.name]);
    const view = await readReconciliation(this.database.pool, reconciliationId);
    if (!view) throw reconciliationNotFound(reconciliationId);
    return { ...view, position: Math.max(view.position, applied.position ?? 0) };
  }
}
