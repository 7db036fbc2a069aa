import type { DomainEvent, Evolver } from '../common/decider';
import type { PaymentBankEvent, PaymentReversed, Payments } from './payment';

/**
 * What the reversal slice needs to know of a linkage stream that holds payments: how to rebuild it,
 * where its payments are, and whose township it concerns (for clerks' scoping).
 */
export interface PaymentLinkage<State, Event extends DomainEvent> {
  evolver: Evolver<State, Event | PaymentReversed | PaymentBankEvent>;
  payments(state: State): Payments;
  township(state: State): string | undefined;
  /** The stream holding the payments, when it is not the linkage's own (a stake's top-ups: its entity's). */
  stream?: string;
}
