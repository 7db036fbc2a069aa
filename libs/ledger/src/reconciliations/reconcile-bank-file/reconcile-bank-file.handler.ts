import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { DomainError } from '../../common/domain-error';
import { nameBasedUuid } from '../../common/ids';
import { StreamWriter, type CommandMetadata } from '../../common/stream-writer';
import { decideOnPaymentStream } from '../../payments/bank-side.handler';
import { ReturnPaymentCommand } from '../../payments/return-payment/return-payment.command';
import { decideReturnPayment } from '../../payments/return-payment/return-payment.decide';
import { ProjectionsHost } from '../../projections/projections-host';
import { statementProjection } from '../../statements/statement.projection';
import { MATCH_WINDOW_DAYS } from '../reconcile';
import { reconciliationStream } from '../reconciliation-stream';
import { reconciliationView } from '../reconciliation-view';
import type { ReconciliationView } from '../reconciliation.view';
import { ReconcileBankFileCommand } from './reconcile-bank-file.command';
import {
  planReconciliation,
  reconciliationRecorded,
  type ReturnToRecord,
  type TownshipPayment,
} from './reconcile-bank-file.decide';

interface PaymentRow {
  payment_id: string;
  household_id: string;
  registration_no: string;
  head_name: string;
  reference: string | null;
  amount_fen: string;
  paid_on: string;
  reversed: boolean;
  returned: boolean;
  reissued_as: string | null;
}

/**
 * Reads the township's payments once from the statement read model (caught up with the log first),
 * plans, records each planned return on its payment's own stream, then keeps the reconciliation as
 * one event on its own stream. Each return's command id is derived from the payment alone, so a
 * file posted again (or a retry after a crash between the returns and the record) finds the return
 * already written and writes nothing twice.
 */
@CommandHandler(ReconcileBankFileCommand)
export class ReconcileBankFileHandler implements ICommandHandler<ReconcileBankFileCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute(command: ReconcileBankFileCommand): Promise<ReconciliationView> {
    const { township, rows, reconciliationId } = command.payload;
    await this.projections.waitForHead([statementProjection.name]);
    const found = await this.payments(
      township,
      rows.map((r) => r.date),
      rows.flatMap((r) => (r.reference === null ? [] : [r.reference])),
    );
    const payments: TownshipPayment[] = found.map((p) => ({
      paymentId: p.payment_id,
      householdId: p.household_id,
      reference: p.reference,
      registrationNo: p.registration_no,
      amountFen: Number(p.amount_fen),
      paidOn: p.paid_on,
      reversed: p.reversed,
      returned: p.returned,
    }));
    const plan = planReconciliation(command, payments);
    const recorded = new Set<string>();
    for (const planned of plan.returns) {
      if (await this.recordReturn(planned, reconciliationId, command.metadata)) recorded.add(planned.paymentId);
    }
    const event = reconciliationRecorded(plan, recorded);
    const { position } = await this.streams.decide(
      reconciliationId,
      reconciliationStream,
      (state) => (state.recorded ? [] : [event]),
      { ...command.metadata, township },
    );
    const byId = new Map(found.map((p) => [p.household_id, p]));
    const byNo = new Map(found.map((p) => [p.registration_no, p]));
    const household = (p: PaymentRow | undefined) =>
      p ? { id: p.household_id, registrationNo: p.registration_no, headName: p.head_name } : null;
    const statusOf = new Map(found.map((p) => [p.payment_id, p]));
    return reconciliationView(
      event.data,
      { position, recordedAt: command.metadata.issuedAt, recordedBy: command.metadata.actor.userId },
      {
        household: (id) => household(byId.get(id)),
        byRegistrationNo: (no) => household(byNo.get(no)),
        status: (paymentId) => {
          if (recorded.has(paymentId)) return { status: 'returned' };
          const p = statusOf.get(paymentId);
          if (p?.reissued_as) return { status: 'reissued', reissuedAs: p.reissued_as };
          return { status: p?.returned ? 'returned' : 'paid' };
        },
      },
    );
  }

  /** True when this call wrote the return; false when the payment was already returned (by anyone). */
  private async recordReturn(
    planned: ReturnToRecord,
    reconciliationId: string,
    metadata: CommandMetadata,
  ): Promise<boolean> {
    const returnCommand = new ReturnPaymentCommand(
      {
        paymentId: planned.paymentId,
        returnedOn: planned.returnedOn,
        reason: 'other',
        detail: `银行对账 ${reconciliationId} 第 ${planned.row} 行退回`,
      },
      // One command per payment, whichever reconciliation records it: its retry is recognised.
      { ...metadata, commandId: nameBasedUuid('bank-return', planned.paymentId), causationId: reconciliationId },
    );
    let wrote = false;
    try {
      await decideOnPaymentStream(
        this.streams,
        planned.paymentId,
        returnCommand.metadata,
        (state, linkage) => {
          const payment = linkage.payments(state).get(planned.paymentId);
          // Returned meanwhile (by hand, or by another reconciliation): nothing to record.
          if (payment?.returned) return [];
          const events = decideReturnPayment(returnCommand, state, linkage);
          wrote = events.length > 0;
          return events;
        },
        () => planned.paymentId,
      );
    } catch (error) {
      // Reversed since the read model was read: the row stays listed, its return not recorded.
      if (error instanceof DomainError && error.kind === 'rule') return false;
      throw error;
    }
    return wrote;
  }

  /**
   * The township's payments a row may match: paid within the match window of the file's dates, or
   * carrying one of its references; with the household's registration number and head's name.
   */
  private async payments(township: string, dates: readonly string[], references: readonly string[]) {
    if (dates.length === 0) return [];
    const sorted = [...dates].sort();
    const { rows } = await this.database.pool.query<PaymentRow>(
      `select l.payment_id, l.household_id, h.registration_no, h.head_name, l.reference, l.amount_fen,
              to_char(l.paid_on, 'YYYY-MM-DD') as paid_on, l.reversal_id is not null as reversed,
              l.returned_on is not null as returned, l.reissued_as
         from statement_lines l join statement_households h on h.household_id = l.household_id
        where h.township = $1
          and (l.paid_on between $2::date - $4::int and $3::date + $4::int or l.reference = any($5::text[]))
        order by l.paid_on, l.payment_id`,
      [township, sorted[0], sorted[sorted.length - 1], MATCH_WINDOW_DAYS, references],
    );
    return rows;
  }
}
