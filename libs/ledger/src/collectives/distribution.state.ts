import type { Evolver } from '../common/decider';
import { Payments } from '../payments/payment';
import { evolvePaidAgainst, NOTHING_PAID_AGAINST, withPaidAgainst, type PaidAgainst } from '../payments/paid-against';
import type { PaymentLinkage } from '../payments/payment-linkage';
import { NO_NOTICE_HOLDS, type NoticeHolds } from '../payments/notice-hold';
import type { DistributionDeclared, DistributionEvent, DistributionStreamEvent } from './collective.events';

/** A collective's distribution and the payments made against it. */
export type DistributionState =
  { status: 'none' } | (DistributionDeclared['data'] & PaidAgainst & { status: 'declared' });

export type DeclaredDistribution = Extract<DistributionState, { status: 'declared' }>;

export function evolveDistribution(state: DistributionState, event: DistributionStreamEvent): DistributionState {
  switch (event.type) {
    case 'DistributionDeclared':
      return {
        ...event.data,
        status: 'declared',
        ...NOTHING_PAID_AGAINST,
      };
    case 'DistributionPaid': {
      if (state.status !== 'declared') return state;
      const { paymentId, amountFen, paidOn, householdId, reference } = event.data;
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
