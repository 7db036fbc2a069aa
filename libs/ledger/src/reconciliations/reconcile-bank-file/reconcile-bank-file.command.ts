import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { BankRow } from '../reconcile';
import type { ReconciliationView } from '../reconciliation.view';

/**
 * Reconcile a bank file (银行对账) against a township's payments; with `applyReturns`, record a
 * return for every matched 退回 row not yet returned. Answers the reconciliation as kept.
 */
export class ReconcileBankFileCommand extends Command<ReconciliationView> {
  constructor(
    readonly payload: {
      reconciliationId: string;
      township: string;
      fileName: string;
      sha256: string;
      rows: BankRow[];
      applyReturns: boolean;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
