import type { Evolver } from '../common/decider';
import type { PaymentLinkage } from '../payments/payment-linkage';
import { withPayment, withReissue, withReturn, withReversal, Payments } from '../payments/payment';
import type { LeaseDue, LeaseEvent, LeaseSigned } from './lease.events';

/** The terms a lease was signed on (its `endsOn` is the end as signed; see `ended` for an early end). */
export type LeaseTerms = Omit<LeaseSigned['data'], 'dues'>;

export type LeaseState =
  | { status: 'none' }
  | {
      status: 'signed';
      terms: LeaseTerms;
      /** The rent schedule in force: as signed, or as recomputed when the lease ended early. */
      dues: LeaseDue[];
      payments: Payments;
      /** Voucher references of payments, by payment id. */
      references: Readonly<Record<string, string>>;
      ended?: { endsOn: string; reason: string };
    };

export const initialLeaseState: LeaseState = { status: 'none' };

export function evolveLease(state: LeaseState, event: LeaseEvent): LeaseState {
  switch (event.type) {
    case 'LeaseSigned': {
      const { dues, ...terms } = event.data;
      return { status: 'signed', terms, dues, payments: Payments.none, references: {} };
    }
    case 'RentPaid': {
      if (state.status !== 'signed') return state;
      const { paymentId, amountFen, paidOn, householdId, period, reference } = event.data;
      return {
        ...state,
        payments: withPayment(state.payments, { paymentId, amountFen, paidOn, householdId, period }),
        references: reference === undefined ? state.references : { ...state.references, [paymentId]: reference },
      };
    }
    case 'LeaseEnded':
      if (state.status !== 'signed') return state;
      return { ...state, dues: event.data.dues, ended: { endsOn: event.data.endsOn, reason: event.data.reason } };
    case 'PaymentReversed':
      if (state.status !== 'signed') return state;
      return { ...state, payments: withReversal(state.payments, event) };
    case 'PaymentReturned':
      if (state.status !== 'signed') return state;
      return { ...state, payments: withReturn(state.payments, event) };
    case 'PaymentReissued':
      if (state.status !== 'signed') return state;
      return { ...state, payments: withReissue(state.payments, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const lease: Evolver<LeaseState, LeaseEvent> = { initialState: initialLeaseState, evolve: evolveLease };

/** How the reversal slice rebuilds a lease, finds its payments and scopes clerks. */
export const leasePayments: PaymentLinkage<LeaseState, LeaseEvent> = {
  evolver: lease,
  payments: (s) => (s.status === 'signed' ? s.payments : Payments.none),
  township: (s) => (s.status === 'signed' ? s.terms.township : undefined),
};

/** The last day of the term in force: the early end if the lease ended, else the end as signed. */
export function currentEndsOn(state: Extract<LeaseState, { status: 'signed' }>): string {
  return state.ended?.endsOn ?? state.terms.endsOn;
}

/** What has been paid, and not reversed, for one period. */
export function paidForPeriod(payments: Payments, period: string): number {
  return payments.paidFen({ period });
}
