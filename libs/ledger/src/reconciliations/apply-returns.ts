import { DomainError } from '../common/domain-error';
import { nameBasedUuid } from '../common/ids';
import type { CommandMetadata, StreamWriter } from '../common/stream-writer';
import { decideOnPaymentStream } from '../payments/bank-side.handler';
import { ReturnPaymentCommand } from '../payments/return-payment/return-payment.command';
import { decideReturnPayment } from '../payments/return-payment/return-payment.decide';
import type { BankFileReconciled } from './reconciliation.events';
import { reconciliationStream } from './reconciliation-stream';
import { returnsToApply, type ReturnToRecord } from './reconcile-bank-file/reconcile-bank-file.decide';

/** What applying a kept reconciliation's returns did: the payments returned now, and the last position written. */
export interface AppliedReturns {
  /** Payments this call returned (a retry after a crash finds the earlier ones already returned). */
  returnedNow: Set<string>;
  /** The log position of the last return written by this call, if any. */
  position: number | undefined;
}

/**
 * Keeps the reconciliation on its own stream, once: a retry of the same command (or any later
 * attempt on the same id) answers the event kept first, whose returns are then the ones applied.
 */
export async function keepReconciliation(
  streams: StreamWriter,
  event: BankFileReconciled,
  metadata: CommandMetadata,
): Promise<{ data: BankFileReconciled['data']; position: number }> {
  const id = event.data.reconciliationId;
  const kept = await streams.decide(id, reconciliationStream, (state) => (state.kept ? [] : [event]), metadata);
  if (kept.events.length > 0) return { data: kept.events[0].data, position: kept.position };
  return { data: (await streams.read(id, reconciliationStream)).state.kept!, position: kept.position };
}

/**
 * Records the returns a kept reconciliation decided, one payment stream at a time. The event store
 * cannot append to several streams atomically everywhere (EventStoreDB cannot), so the record comes
 * first and says what is to be done; each return's command id is derived from the payment alone, so
 * applying again (a retry after a crash, a second post of the file, another reconciliation naming the
 * same payment) writes each return exactly once. A payment returned meanwhile by hand is left as is;
 * one reversed meanwhile is refused by its stream and stays listed, its return not recorded (the
 * reopened view reads it `void`, no longer pending).
 */
export async function applyReconciliationReturns(
  streams: StreamWriter,
  data: BankFileReconciled['data'],
  metadata: CommandMetadata,
): Promise<AppliedReturns> {
  const applied: AppliedReturns = { returnedNow: new Set(), position: undefined };
  for (const planned of returnsToApply(data)) {
    const position = await recordReturn(streams, planned, data.reconciliationId, metadata);
    if (position !== undefined) {
      applied.returnedNow.add(planned.paymentId);
      applied.position = Math.max(applied.position ?? 0, position);
    }
  }
  return applied;
}

/** The position of the return this call wrote; undefined when the payment was already returned, or is reversed. */
async function recordReturn(
  streams: StreamWriter,
  planned: ReturnToRecord,
  reconciliationId: string,
  metadata: CommandMetadata,
): Promise<number | undefined> {
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
    const { position } = await decideOnPaymentStream(
      streams,
      planned.paymentId,
      returnCommand.metadata,
      (state, linkage) => {
        const payment = linkage.payments(state).get(planned.paymentId);
        // Returned meanwhile (by hand, by another reconciliation, or by this one before a crash).
        if (payment?.returned) return [];
        const events = decideReturnPayment(returnCommand, state, linkage);
        wrote = events.length > 0;
        return events;
      },
      () => planned.paymentId,
    );
    return wrote ? position : undefined;
  } catch (error) {
    // Reversed since the reconciliation was planned: the row stays listed, its return `void`.
    if (error instanceof DomainError && error.kind === 'rule') return undefined;
    throw error;
  }
}
