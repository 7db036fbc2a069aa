import type { DomainEvent } from '../common/decider';
import type { CommandMetadata, StreamWriter } from '../common/stream-writer';
import type { WriteResult } from '../common/write-result';
import { parsePaymentId, type PaymentBankEvent, type PaymentReversed } from './payment';
import { visitPaymentLinkage } from '../payment-linkages';
import { paymentNotFound, type Reversible, type ReversibleLinkage } from './reverse-payment/reverse-payment.decide';

/**
 * The thin handler every bank-side command shares: find the payment's linkage stream from its id,
 * read it once (the township, which a payment never changes, comes from the folded state), decide,
 * append with the expected revision. Answers the id `idOf` picks from what was recorded.
 */
export function decideOnPaymentStream(
  streams: StreamWriter,
  paymentId: string,
  metadata: CommandMetadata,
  decide: <State>(state: State, linkage: ReversibleLinkage<State>) => PaymentBankEvent[],
  idOf: (events: readonly DomainEvent[]) => string,
): Promise<WriteResult> {
  const parsed = parsePaymentId(paymentId);
  if (!parsed || parsed.isReversal) return Promise.reject(paymentNotFound(paymentId));
  const { linkageId } = parsed;
  const written = visitPaymentLinkage(
    linkageId,
    async <State, Event extends DomainEvent>(linkage: Reversible<State, Event>) => {
      const stream = linkage.stream ?? linkageId;
      // The township comes from the state `decide` folds: the stream is read once per command.
      const { events, position } = await streams.decide<State, Event | PaymentReversed | PaymentBankEvent>(
        stream,
        linkage.evolver,
        (state) => decide(state, linkage),
        metadata,
        (state) => ({ township: linkage.townshipOfPayment(state, paymentId) }),
      );
      return { id: idOf(events), position };
    },
  );
  return written ?? Promise.reject(paymentNotFound(paymentId));
}
