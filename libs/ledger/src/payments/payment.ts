import type { DomainEvent } from '../common/decider';

/**
 * A payment as every linkage stream (dividend declaration, lease, employment, order) keeps it, so
 * that a reversal can be decided the same way everywhere. Its id is `<linkageId>.p<n>`: the
 * linkage's stream and the payment's place in it, so a reversal finds its stream from the id alone.
 */
export interface PaymentRecord {
  paymentId: string;
  amountFen: number;
  paidOn: string;
  householdId: string;
  /** The period paid for, where the linkage has periods (rent period, wage month, dividend period). */
  period?: string;
  /** Set once the payment is reversed; a reversed payment no longer counts towards what is owed. */
  reversal?: { reversalId: string; reason: string };
}

/** A payment taken back, with the reason; the payment itself stays on record. */
export type PaymentReversed = DomainEvent<'PaymentReversed', { paymentId: string; reversalId: string; reason: string }>;

/** The id of the n-th payment (1-based) recorded on a linkage. */
export const paymentIdFor = (linkageId: string, n: number): string => `${linkageId}.p${n}`;

/** The id of the reversal of a payment: `<paymentId>.r`. */
export const reversalIdFor = (paymentId: string): string => `${paymentId}.r`;

/** Splits a payment id into its linkage id, or undefined if it is not one. */
export function parsePaymentId(id: string): { linkageId: string; isReversal: boolean } | undefined {
  const match = /^((?:dividend|lease|employment|order)-[0-9a-f-]{36})\.p[1-9]\d*(\.r)?$/.exec(id);
  return match ? { linkageId: match[1], isReversal: match[2] !== undefined } : undefined;
}

/** Payments recorded so far on a linkage, keyed by payment id. */
export type Payments = Readonly<Record<string, PaymentRecord>>;

/** Adds a payment to a linkage's record. */
export function withPayment(payments: Payments, payment: PaymentRecord): Payments {
  return { ...payments, [payment.paymentId]: payment };
}

/** Marks a payment reversed. */
export function withReversal(payments: Payments, event: PaymentReversed): Payments {
  const payment = payments[event.data.paymentId];
  if (!payment) return payments;
  return {
    ...payments,
    [payment.paymentId]: { ...payment, reversal: { reversalId: event.data.reversalId, reason: event.data.reason } },
  };
}

/** What has been paid and not reversed, over the payments that match. */
export function paidFen(payments: Payments, matches: (p: PaymentRecord) => boolean = () => true): number {
  return Object.values(payments)
    .filter((p) => !p.reversal && matches(p))
    .reduce((sum, p) => sum + p.amountFen, 0);
}
