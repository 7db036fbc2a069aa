import type { Evolver } from '../common/decider';
import { Payments } from '../payments/payment';
import { evolvePaidAgainst, NOTHING_PAID_AGAINST, withPaidAgainst, type PaidAgainst } from '../payments/paid-against';
import type { PaymentLinkage } from '../payments/payment-linkage';
import { NO_NOTICE_HOLDS, type NoticeHolds } from '../payments/notice-hold';
import { holderFields, holderOf } from '../stakes/stake-holder';
import type { DividendDeclared, DividendEvent, DividendStreamEvent } from './dividend.events';

/** A declaration and the payments made against it. */
export type DividendState = { status: 'none' } | (DividendDeclared['data'] & PaidAgainst & { status: 'declared' });

/** A household's id, or a collective's in its place. */
export type HolderId = { householdId: string } | { collectiveId: string };

export type DeclaredDividend = Extract<DividendState, { status: 'declared' }>;

export const initialDividendState: DividendState = { status: 'none' };

export function evolveDividend(state: DividendState, event: DividendStreamEvent): DividendState {
  switch (event.type) {
    case 'DividendDeclared':
      return {
        ...event.data,
        status: 'declared',
        ...NOTHING_PAID_AGAINST,
      };
    case 'DividendPaid': {
      if (state.status !== 'declared') return state;
      const { paymentId, amountFen, paidOn, reference } = event.data;
      // A payment to a collective is kept under the collective's id, as its allocation is.
      const householdId = holderOf(event.data);
      return {
        ...state,
        ...withPaidAgainst(state, { paymentId, amountFen, paidOn, householdId, period: state.period }, reference),
      };
    }
    case 'PaymentReversed':
    case 'PaymentReturned':
    case 'PaymentReissued':
    case 'NoticeHoldChanged':
      if (state.status !== 'declared') return state;
      return { ...state, ...evolvePaidAgainst(state, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const dividend: Evolver<DividendState, DividendStreamEvent> = {
  initialState: initialDividendState,
  evolve: evolveDividend,
};

/** What a holder (household or collective, by id) is allocated on a declaration, over all its stakes. */
export function allocatedTo(state: DeclaredDividend, householdId: string): number {
  return state.allocations.filter((a) => holderOf(a) === householdId).reduce((sum, a) => sum + a.amountFen, 0);
}

/** What is still owed to a household: its allocation minus its payments that were not reversed. */
export function owedTo(state: DeclaredDividend, householdId: string): number {
  return allocatedTo(state, householdId) - state.payments.paidFen({ householdId });
}

/** The township of an allocated household (from its stakes), or undefined if it is not allocated. */
export function townshipOf(state: DeclaredDividend, householdId: string): string | undefined {
  return state.allocations.find((a) => holderOf(a) === householdId)?.township;
}

/** Each allocated household with what it was allocated, paid (not reversed) and is still owed, in stake order. */
export function householdBalances(
  state: DeclaredDividend,
): (HolderId & { township: string; allocatedFen: number; paidFen: number; owedFen: number })[] {
  const seen = new Set<string>();
  return state.allocations.flatMap((allocation) => {
    const holder = holderOf(allocation);
    if (seen.has(holder)) return [];
    seen.add(holder);
    const allocatedFen = allocatedTo(state, holder);
    const paid = state.payments.paidFen({ householdId: holder });
    return [
      {
        ...holderFields(holder),
        township: allocation.township,
        allocatedFen,
        paidFen: paid,
        owedFen: allocatedFen - paid,
      },
    ];
  });
}

/**
 * How the reversal slice rebuilds a declaration, finds its payments and scopes clerks. A declaration
 * concerns several households, possibly in several townships: `township` is the entity's (what a
 * declaration concerns as a whole), and `townshipOfPayment` the paid household's, which is what a
 * payment's reversal concerns (the same scoping as the payment itself).
 */
export const dividendPayments: PaymentLinkage<DividendState, DividendEvent> & {
  townshipOfPayment(state: DividendState, paymentId: string): string | undefined;
  noticeHolds(state: DividendState): NoticeHolds;
} = {
  evolver: dividend,
  payments: (s) => (s.status === 'declared' ? s.payments : Payments.none),
  township: (s) => (s.status === 'declared' ? s.township : undefined),
  townshipOfPayment: (s, paymentId) => {
    if (s.status !== 'declared') return undefined;
    const payment = s.payments.get(paymentId);
    return payment === undefined ? undefined : townshipOf(s, payment.householdId);
  },
  noticeHolds: (s) => (s.status === 'declared' ? s.noticeHolds : NO_NOTICE_HOLDS),
};
