import type { Pool } from 'pg';
import type { SealProofs } from '@ledger/event-store/seals/seal-proofs';
import type { PaymentProof } from '@ledger/event-store/seals/merkle';
import { assertMayReadIn, type Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';

const unknownPayment = (paymentId: string) =>
  notFound('PAYMENT.NOT_FOUND', `No payment ${paymentId} is recorded.`, `没有付款记录 ${paymentId}。`);

/**
 * The Merkle proof that the event recording a payment lies in a sealed range of the log. Whoever may
 * read the household's statement may read it (the household's own token and its card link too); the
 * payment's household and event position come from the statement's lines.
 */
export async function loadPaymentProof(
  pool: Pool,
  proofs: SealProofs,
  paymentId: string,
  actor: Actor,
): Promise<PaymentProof> {
  if (paymentId.length > 200) throw unknownPayment(paymentId.slice(0, 200));
  const { rows } = await pool.query<{ household_id: string; township: string; position: string }>(
    `select l.household_id, h.township, l.position
       from statement_lines l join statement_households h using (household_id)
      where l.payment_id = $1`,
    [paymentId],
  );
  const line = rows[0];
  if (!line) throw unknownPayment(paymentId);
  assertMayReadIn(actor, line.township, line.household_id);
  const inclusion = await proofs.inclusionOf(Number(line.position));
  if (!inclusion) {
    throw notFound(
      'PAYMENT.NOT_SEALED',
      `Payment ${paymentId} is not in a sealed range with a Merkle root yet; seals are made every few minutes.`,
      `付款 ${paymentId} 尚未封存，稍后再查。`,
    );
  }
  return {
    paymentId,
    position: inclusion.position,
    eventHash: inclusion.eventHash,
    algorithm: 'sha256',
    seal: inclusion.seal,
    path: inclusion.path,
  };
}
