import type { Evolver } from '../common/decider';
import { Payments, withPayment, withReissue, withReturn, withReversal } from '../payments/payment';
import { NO_NOTICE_HOLDS, withNoticeHold, type NoticeHolds } from '../notices/notice-hold';
import type { PaymentLinkage } from '../payments/payment-linkage';
import type { DistributionDeclared, DistributionEvent, DistributionStreamEvent } from './collective.events';

/** A collective's distribution and the payments made against it. */
export type DistributionState =
  | { status: 'none' }
  | (DistributionDeclared['data'] & {
      status: 'declared';
      payments: Payments;
      /** Voucher references of payments, by payment id. */
      references: Readonly<Record<string, string>>;
      /** Public notices (公示) holding payments on this distribution, the latest hold per notice. */
      noticeHolds: NoticeHolds;
    });

export type DeclaredDistribution = Extract<DistributionState, { status: 'declared' }>;

export function evolveDistribution(state: DistributionState, event: DistributionStreamEvent): DistributionState {
  switch (event.type) {
    case 'DistributionDeclared':
      return {
        ...event.data,
        status: 'declared',
        payments: Payments.none,
        references: {},
        noticeHolds: NO_NOTICE_HOLDS,
      };
    case 'DistributionPaid': {
      if (state.status !== 'declared') return state;
      const { paymentId, amountFen, paidOn, householdId, reference } = event.data;
      return {
        ...state,
        payments: withPayment(state.payments, { paymentId, amountFen, paidOn, householdId, period: state.period }),
        references: reference === undefined ? state.references : { ...state.references, [paymentId]: reference },
      };
    }
    case 'PaymentReversed':
      if (state.status !== 'declared') return state;
      return { ...state, payments: withReversal(state.payments, event) };
    case 'PaymentReturned':
      if (state.status !== 'declared') return state;
      return { ...state, payments: withReturn(state.payments, event) };
    case 'PaymentReissued': {
      if (state.status !== 'declared') return state;
      const { paymentId, reference } = event.data;
      return {
        ...state,
        payments: withReissue(state.payments, event),
        references: reference === undefined ? state.references : { ...state.references, [paymentId]: reference },
      };
    }
    case 'NoticeHoldChanged':
      if (state.status !== 'declared') return state;
      return { ...state, noticeHolds: withNoticeHold(state.noticeHolds, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const distribution: Evolver<DistributionState, DistributionStreamEvent> = {
  initialState: { status: 'none' },
  evolve: evolveDistribution,
};

/** A household's part of a distribution (0 when it was not listed). */
export function allocatedOn(state: DeclaredDistribution, householdId: string): number {
  return state.allocations.find((a) => a.householdId === householdId)?.amountFen ?? 0;
}

/** What is still owed to a household: its part minus its payments neither reversed nor returned. */
export function owedOn(state: DeclaredDistribution, householdId: string): number {
  return allocatedOn(state, householdId) - state.payments.paidFen({ householdId });
}

/**
 * How reversals and the bank's side rebuild a distribution and scope clerks: a distribution pays
 * households of the collective's township, and each payment concerns its household's.
 */
export const distributionPayments: PaymentLinkage<DistributionState, DistributionEvent> & {
  townshipOfPayment(state: DistributionState, paymentId: string): string | undefined;
  noticeHolds(state: DistributionState): NoticeHolds;
} = {
  evolver: distribution,
  payments: (s) => (s.status === 'declared' ? s.payments : Payments.none),
  township: (s) => (s.status === 'declared' ? s.township : undefined),
  townshipOfPayment: (s, paymentId) => {
    if (s.status !== 'declared') return undefined;
    const payment = s.payments.get(paymentId);
    return payment === undefined
      ? undefined
      : s.allocations.find((a) => a.householdId === payment.householdId)?.township;
  },
  noticeHolds: (s) => (s.status === 'declared' ? s.noticeHolds : NO_NOTICE_HOLDS),
};
