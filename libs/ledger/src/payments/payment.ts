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

/**
 * Payments recorded so far on a linkage, in the order recorded. A value: `withPayment` and
 * `withReversal` answer new Payments and leave this one as it was.
 *
 * Folding a linkage's stream adds its payments one by one, and decide looks at what one period
 * holds, so both are cheap: a new payment is added to the array the previous value already holds
 * (each value sees only its first `count` entries; adding to a value that is not the latest copies
 * first), and each period's payments are indexed. A payment is found by the number its id ends with
 * (`paymentIdFor`). So a stream of n payments folds in O(n), not O(n²).
 */
export class Payments {
  /** No payments yet. */
  static readonly none = new Payments([], 0, new Map());

  private constructor(
    private readonly records: PaymentRecord[],
    /** Payments recorded, reversed ones included (the next payment is number count + 1). */
    readonly count: number,
    /** Places in `records` by period (beyond `count` they belong to a later value). */
    private readonly byPeriod: Map<string, number[]>,
  ) {}

  /** The payment with this id, if it is recorded here. */
  get(paymentId: string): PaymentRecord | undefined {
    const numbered = /\.p([1-9]\d*)$/.exec(paymentId);
    const at = numbered ? Number(numbered[1]) - 1 : -1;
    if (at >= 0 && at < this.count && this.records[at].paymentId === paymentId) return this.records[at];
    return this.list().find((p) => p.paymentId === paymentId);
  }

  /** Every payment, in the order recorded, reversed ones included. */
  list(): readonly PaymentRecord[] {
    return this.records.length === this.count ? this.records : this.records.slice(0, this.count);
  }

  /** The payments for a period, in the order recorded, reversed ones included. */
  inPeriod(period: string): readonly PaymentRecord[] {
    const places = this.byPeriod.get(period) ?? [];
    const found: PaymentRecord[] = [];
    for (const at of places) if (at < this.count) found.push(this.records[at]);
    return found;
  }

  /** For withPayment. */
  added(payment: PaymentRecord): Payments {
    const latest = this.records.length === this.count;
    const records = latest ? this.records : this.records.slice(0, this.count);
    const byPeriod = latest ? this.byPeriod : indexByPeriod(records);
    records.push(payment);
    if (payment.period !== undefined) {
      const places = byPeriod.get(payment.period);
      if (places) places.push(records.length - 1);
      else byPeriod.set(payment.period, [records.length - 1]);
    }
    return new Payments(records, records.length, byPeriod);
  }

  /** For withReversal: a copy with the payment at `at` replaced (reversals are rare). */
  replaced(at: number, payment: PaymentRecord): Payments {
    const records = this.records.slice(0, this.count);
    records[at] = payment;
    return new Payments(records, records.length, indexByPeriod(records));
  }
}

function indexByPeriod(records: readonly PaymentRecord[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  records.forEach((p, at) => {
    if (p.period === undefined) return;
    const places = index.get(p.period);
    if (places) places.push(at);
    else index.set(p.period, [at]);
  });
  return index;
}

/** Adds a payment to a linkage's record. */
export function withPayment(payments: Payments, payment: PaymentRecord): Payments {
  return payments.added(payment);
}

/** Marks a payment reversed. */
export function withReversal(payments: Payments, event: PaymentReversed): Payments {
  const payment = payments.get(event.data.paymentId);
  if (!payment) return payments;
  const at = payments.list().indexOf(payment);
  return payments.replaced(at, {
    ...payment,
    reversal: { reversalId: event.data.reversalId, reason: event.data.reason },
  });
}

/** What has been paid and not reversed, over the payments that match. */
export function paidFen(
  payments: Payments | readonly PaymentRecord[],
  matches: (p: PaymentRecord) => boolean = () => true,
): number {
  const list = payments instanceof Payments ? payments.list() : payments;
  let sum = 0;
  for (const p of list) if (!p.reversal && matches(p)) sum += p.amountFen;
  return sum;
}
