import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { StreamWriter } from '../../common/stream-writer';
import { ProjectionsHost } from '../../projections/projections-host';
import { statementProjection } from '../../statements/statement.projection';
import { MATCH_WINDOW_DAYS } from '../reconcile';
import { reconciliationView } from '../reconciliation-view';
import type { ReconciliationView } from '../reconciliation.view';
import { ReconcileBankFileCommand } from './reconcile-bank-file.command';
import { applyReconciliationReturns, keepReconciliation } from '../apply-returns';
import { planReconciliation, type TownshipPayment } from './reconcile-bank-file.decide';

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
 * plans, keeps the reconciliation as one event on its own stream (with the returns it decided), then
 * records each of those returns on its payment's own stream. Kept first, so a crash between the two
 * leaves a record whose reopened view shows those returns pending, never returns without a record;
 * each return's command id is derived from the payment alone, so a retry (the same Idempotency-Key
 * names the same reconciliation) or a second post of the file writes each return once.
 */
@CommandHandler(ReconcileBankFileCommand)
export class ReconcileBankFileHandler implements ICommandHandler<ReconcileBankFileCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute(command: ReconcileBankFileCommand): Promise<ReconciliationView> {
    const { township, rows } = command.payload;
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
    const metadata = { ...command.metadata, township };
    const kept = await keepReconciliation(this.streams, plan.event, metadata);
    const data = kept.data;
    const applied = await applyReconciliationReturns(this.streams, data, metadata);
    const byId = new Map(found.map((p) => [p.household_id, p]));
    const byNo = new Map(found.map((p) => [p.registration_no, p]));
    const household = (p: PaymentRow | undefined) =>
      p ? { id: p.household_id, registrationNo: p.registration_no, headName: p.head_name } : null;
    const statusOf = new Map(found.map((p) => [p.payment_id, p]));
    return reconciliationView(
      data,
      {
        position: Math.max(kept.position, applied.position ?? 0),
        recordedAt: command.metadata.issuedAt,
        recordedBy: command.metadata.actor.userId,
      },
      {
        household: (id) => household(byId.get(id)),
        byRegistrationNo: (no) => household(byNo.get(no)),
        status: (paymentId) => {
          if (applied.returnedNow.has(paymentId)) return { status: 'returned' };
          const p = statusOf.get(paymentId);
          if (p?.reversed) return { status: 'reversed' };
          if (p?.reissued_as) return { status: 'reissued', reissuedAs: p.reissued_as };
          return { status: p?.returned ? 'returned' : 'paid' };
        },
      },
    );
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
