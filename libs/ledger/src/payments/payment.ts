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
  /** Set once the bank sent the money back; a returned payment no longer counts as received. */
  returned?: PaymentReturn;
  /** The payment that paid a returned one again (on the returned one). */
  reissuedAs?: string;
  /** The returned payment this one pays again (on the reissue). */
  reissueOf?: string;
}

/** Why a bank sends a payment back, as banks' return files give it. */
export const RETURN_REASONS = ['account_closed', 'name_mismatch', 'account_frozen', 'other'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** What the bank said when it sent a payment back. */
export interface PaymentReturn {
  returnedOn: string;
  reason: ReturnReason;
  detail?: string;
}

/** A payment taken back, with the reason; the payment itself stays on record. */
export type PaymentReversed = DomainEvent<'PaymentReversed', { paymentId: string; reversalId: string; reason: string }>;

/**
 * The bank sent a payment back (退回): it stays on record, no longer counts as received, and what it
 * paid is owed again, on every kind of linkage alike.
 */
export type PaymentReturned = DomainEvent<
  'PaymentReturned',
  { paymentId: string; returnedOn: string; reason: ReturnReason; detail?: string }
>;

/**
 * A returned payment paid again (重新发放): a new payment on the same linkage, same household, amount
 * and period, linked both ways. Its id is the linkage's next payment id.
 */
export type PaymentReissued = DomainEvent<
  'PaymentReissued',
  {
    paymentId: string;
    reissueOf: string;
    householdId: string;
    amountFen: number;
    paidOn: string;
    period?: string;
    reference?: string;
  }
>;

/** What the bank's side adds to every linkage stream that holds payments. */
export type PaymentBankEvent = PaymentReturned | PaymentReissued;

/** The id of the n-th payment (1-based) recorded on a linkage. */
export const paymentIdFor = (linkageId: string, n: number): string => `${linkageId}.p${n}`;

/** The id of the reversal of a payment: `<paymentId>.r`. */
export const reversalIdFor = (paymentId: string): string => `${paymentId}.r`;

/** Splits a payment id into its linkage id, or undefined if it is not one. */
export function parsePaymentId(id: string): { linkageId: string; isReversal: boolean } | undefined {
  // A stake's guarantee top-ups are numbered on the stake: `entity-<uuid>.s<n>.p<k>`.
  const match =
    /^((?:dividend|distribution|lease|employment|order|loan)-[0-9a-f-]{36}|entity-[0-9a-f-]{36}\.s[1-9]\d*)\.p[1-9]\d*(\.r)?$/.exec(
      id,
    );
  return match ? { linkageId: match[1], isReversal: match[2] !== undefined } : undefined;
}

/** What a payment was reversed with. */
type Reversal = NonNullable<PaymentRecord['reversal']>;

/**
 * The columns every value of one linkage's Payments shares: entry i is the (i+1)-th payment. Only
 * ever appended to; each value reads its first `count` entries.
 */
interface Columns {
  amountFen: number[];
  paidOn: string[];
  householdId: string[];
  period: (string | undefined)[];
  /** Ids that are not `paymentIdFor(linkageId, i + 1)` (none in practice), by place. */
  otherIds: Map<number, string>;
  linkageId: string | undefined;
}

const noColumns = (): Columns => ({
  amountFen: [],
  paidOn: [],
  householdId: [],
  period: [],
  otherIds: new Map(),
  linkageId: undefined,
});

/** Returns and reissues, by place. */
interface BankSide {
  returns: ReadonlyMap<number, PaymentReturn>;
  reissuedAs: ReadonlyMap<number, string>;
  reissueOf: ReadonlyMap<number, string>;
}

const noBankSide: BankSide = { returns: new Map(), reissuedAs: new Map(), reissueOf: new Map() };

/**
 * Payments recorded so far on a linkage, in the order recorded. A value: `withPayment` and
 * `withReversal` answer new Payments and leave this one as it was.
 *
 * Kept small and cheap to grow, since a linkage may hold years of monthly payments and an import
 * folds thousands of linkages at once: a payment is stored as a few column entries, not an object
 * (its id is its number: `paymentIdFor`; a household or date equal to the previous payment's is
 * stored as the same string), and PaymentRecords are made when asked for. A new payment is added to
 * the columns the previous value holds (adding to a value that is not the latest copies them
 * first), so folding a stream of n payments costs O(n), not O(n²).
 */
export class Payments {
  /** No payments yet. */
  static readonly none = new Payments(noColumns(), 0, new Map());

  private constructor(
    private readonly columns: Columns,
    /** Payments recorded, reversed ones included (the next payment is number count + 1). */
    readonly count: number,
    /** Reversals, by place (rare: a value of its own each). */
    private readonly reversals: ReadonlyMap<number, Reversal>,
    /** The bank's side, by place (rare, like reversals): returns, and reissues both ways. */
    private readonly bank: BankSide = noBankSide,
  ) {}

  /** The payment with this id, if it is recorded here. */
  get(paymentId: string): PaymentRecord | undefined {
    const at = this.placeOf(paymentId);
    return at === undefined ? undefined : this.record(at);
  }

  /** Every payment, in the order recorded, reversed ones included. */
  list(): PaymentRecord[] {
    return Array.from({ length: this.count }, (_, at) => this.record(at));
  }

  /** The payments for a period, in the order recorded, reversed ones included. */
  inPeriod(period: string): PaymentRecord[] {
    const found: PaymentRecord[] = [];
    const periods = this.columns.period;
    for (let at = 0; at < this.count; at++) if (periods[at] === period) found.push(this.record(at));
    return found;
  }

  /** What has been paid, neither reversed nor returned by the bank: all of it, or a period's, or a household's. */
  paidFen(only: { period?: string; householdId?: string } = {}): number {
    const { amountFen, period, householdId } = this.columns;
    let sum = 0;
    for (let at = 0; at < this.count; at++) {
      if (only.period !== undefined && period[at] !== only.period) continue;
      if (only.householdId !== undefined && householdId[at] !== only.householdId) continue;
      if (!this.reversals.has(at) && !this.bank.returns.has(at)) sum += amountFen[at];
    }
    return sum;
  }

  /** For withPayment. */
  added(payment: PaymentRecord): Payments {
    // `Payments.none` is shared by every linkage: never added to in place (the first linkage to do
    // so would lend its columns, and its linkage id, to every later one).
    const latest = this.count > 0 && this.columns.amountFen.length === this.count;
    const columns = latest ? this.columns : this.copiedColumns();
    const at = this.count;
    const last = at - 1;
    columns.linkageId ??= parsePaymentNumber(payment.paymentId)?.linkageId;
    if (payment.paymentId !== paymentIdFor(columns.linkageId ?? '', at + 1)) {
      columns.otherIds.set(at, payment.paymentId);
    }
    columns.amountFen.push(payment.amountFen);
    columns.paidOn.push(payment.paidOn === columns.paidOn[last] ? columns.paidOn[last] : payment.paidOn);
    columns.householdId.push(
      payment.householdId === columns.householdId[last] ? columns.householdId[last] : payment.householdId,
    );
    columns.period.push(payment.period);
    const reversals = payment.reversal ? new Map([...this.reversals, [at, payment.reversal]]) : this.reversals;
    return new Payments(columns, at + 1, reversals, this.bank);
  }

  /** For withReversal. */
  reversed(paymentId: string, reversal: Reversal): Payments {
    const at = this.placeOf(paymentId);
    if (at === undefined) return this;
    return new Payments(this.columns, this.count, new Map([...this.reversals, [at, reversal]]), this.bank);
  }

  /** For withReturn. */
  returnedByBank(paymentId: string, bankReturn: PaymentReturn): Payments {
    const at = this.placeOf(paymentId);
    if (at === undefined) return this;
    const returns = new Map([...this.bank.returns, [at, bankReturn]]);
    return new Payments(this.columns, this.count, this.reversals, { ...this.bank, returns });
  }

  /** For withReissue: the new payment, linked to the returned one both ways. */
  reissued(payment: PaymentRecord & { reissueOf: string }): Payments {
    const of = this.placeOf(payment.reissueOf);
    const next = this.added(payment);
    if (of === undefined) return next;
    const reissuedAs = new Map([...this.bank.reissuedAs, [of, payment.paymentId]]);
    const reissueOf = new Map([...this.bank.reissueOf, [next.count - 1, payment.reissueOf]]);
    return new Payments(next.columns, next.count, next.reversals, { ...this.bank, reissuedAs, reissueOf });
  }

  private placeOf(paymentId: string): number | undefined {
    const numbered = parsePaymentNumber(paymentId);
    if (numbered && numbered.linkageId === this.columns.linkageId) {
      const at = numbered.n - 1;
      if (at < this.count && !this.columns.otherIds.has(at)) return at;
    }
    for (const [at, id] of this.columns.otherIds) if (at < this.count && id === paymentId) return at;
    return undefined;
  }

  private record(at: number): PaymentRecord {
    const { amountFen, paidOn, householdId, period, otherIds, linkageId } = this.columns;
    const reversal = this.reversals.get(at);
    const returned = this.bank.returns.get(at);
    const reissuedAs = this.bank.reissuedAs.get(at);
    const reissueOf = this.bank.reissueOf.get(at);
    return {
      paymentId: otherIds.get(at) ?? paymentIdFor(linkageId ?? '', at + 1),
      amountFen: amountFen[at],
      paidOn: paidOn[at],
      householdId: householdId[at],
      ...(period[at] === undefined ? {} : { period: period[at] }),
      ...(reversal ? { reversal } : {}),
      ...(returned ? { returned } : {}),
      ...(reissuedAs === undefined ? {} : { reissuedAs }),
      ...(reissueOf === undefined ? {} : { reissueOf }),
    };
  }

  private copiedColumns(): Columns {
    const { amountFen, paidOn, householdId, period, otherIds, linkageId } = this.columns;
    return {
      amountFen: amountFen.slice(0, this.count),
      paidOn: paidOn.slice(0, this.count),
      householdId: householdId.slice(0, this.count),
      period: period.slice(0, this.count),
      otherIds: new Map([...otherIds].filter(([at]) => at < this.count)),
      linkageId,
    };
  }
}

/** `<linkageId>.p<n>` split, or undefined. */
function parsePaymentNumber(paymentId: string): { linkageId: string; n: number } | undefined {
  const match = /^(.+)\.p([1-9]\d*)$/.exec(paymentId);
  return match ? { linkageId: match[1], n: Number(match[2]) } : undefined;
}

/** Adds a payment to a linkage's record. */
export function withPayment(payments: Payments, payment: PaymentRecord): Payments {
  return payments.added(payment);
}

/** Marks a payment reversed. */
export function withReversal(payments: Payments, event: PaymentReversed): Payments {
  const { paymentId, reversalId, reason } = event.data;
  return payments.reversed(paymentId, { reversalId, reason });
}

/** Marks a payment returned by the bank. */
export function withReturn(payments: Payments, event: PaymentReturned): Payments {
  const { paymentId, returnedOn, reason, detail } = event.data;
  return payments.returnedByBank(paymentId, { returnedOn, reason, ...(detail === undefined ? {} : { detail }) });
}

/** Adds the payment that pays a returned one again. */
export function withReissue(payments: Payments, event: PaymentReissued): Payments {
  const { paymentId, reissueOf, householdId, amountFen, paidOn, period } = event.data;
  return payments.reissued({
    paymentId,
    reissueOf,
    householdId,
    amountFen,
    paidOn,
    ...(period === undefined ? {} : { period }),
  });
}

/** What a linkage's view shows of a payment's bank side: its return and the reissue links, when any. */
export type PaymentBankView = Pick<PaymentRecord, 'returned' | 'reissuedAs' | 'reissueOf'>;

/** The bank side of a payment, for a linkage's view (absent fields when none). */
export function bankViewOf(payment: PaymentRecord): PaymentBankView {
  return {
    ...(payment.returned ? { returned: payment.returned } : {}),
    ...(payment.reissuedAs === undefined ? {} : { reissuedAs: payment.reissuedAs }),
    ...(payment.reissueOf === undefined ? {} : { reissueOf: payment.reissueOf }),
  };
}
