import { Module } from '@nestjs/common';
import { ApplyPendingReturnsController } from './apply-pending-returns/apply-pending-returns.controller';
import { ApplyPendingReturnsHandler } from './apply-pending-returns/apply-pending-returns.handler';
import { GetReconciliationController } from './get-reconciliation/get-reconciliation.controller';
import { GetReconciliationHandler } from './get-reconciliation/get-reconciliation.handler';
import { ListReconciliationsController } from './list-reconciliations/list-reconciliations.controller';
import { ListReconciliationsHandler } from './list-reconciliations/list-reconciliations.handler';
import { ReconcileBankFileController } from './reconcile-bank-file/reconcile-bank-file.controller';
import { ReconcileBankFileHandler } from './reconcile-bank-file/reconcile-bank-file.handler';

/** Reconciliation of the bank's file (银行对账) against a township's payments, kept for auditors to reopen. */
@Module({
  controllers: [
    ReconcileBankFileController,
    ApplyPendingReturnsController,
    ListReconciliationsController,
    GetReconciliationController,
  ],
  providers: [
    ReconcileBankFileHandler,
    ApplyPendingReturnsHandler,
    ListReconciliationsHandler,
    GetReconciliationHandler,
  ],
})
export class ReconciliationsModule {}
