import type { Evolver } from '../common/decider';
import { notFound, type DomainError } from '../common/domain-error';
import { withPayment, withReissue, withReturn, withReversal, type PaymentRecord, Payments } from '../payments/payment';
import type { PaymentLinkage } from '../payments/payment-linkage';
import type { EmploymentEvent, EmploymentStarted } from './employment.events';

/** An employment as its stream tells it: the terms, whether it ended, and every wage payment. */
export type EmploymentState =
  | { status: 'none' }
  | (EmploymentStarted['data'] & {
      status: 'active' | 'ended';
      endsOn?: string;
      endReason?: string;
      payments: Payments;
    });

export const initialEmploymentState: EmploymentState = { status: 'none' };

export function evolveEmployment(state: EmploymentState, event: EmploymentEvent): EmploymentState {
  switch (event.type) {
    case 'EmploymentStarted':
      return { ...event.data, status: 'active', payments: Payments.none };
    case 'WagePaid': {
      if (state.status === 'none') return state;
      const { paymentId, amountFen, paidOn, householdId, period } = event.data;
      return { ...state, payments: withPayment(state.payments, { paymentId, amountFen, paidOn, householdId, period }) };
    }
    case 'EmploymentEnded':
      if (state.status === 'none') return state;
      return { ...state, status: 'ended', endsOn: event.data.endsOn, endReason: event.data.reason };
    case 'PaymentReversed':
      if (state.status === 'none') return state;
      return { ...state, payments: withReversal(state.payments, event) };
    case 'PaymentReturned':
      if (state.status === 'none') return state;
      return { ...state, payments: withReturn(state.payments, event) };
    case 'PaymentReissued':
      if (state.status === 'none') return state;
      return { ...state, payments: withReissue(state.payments, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const employment: Evolver<EmploymentState, EmploymentEvent> = {
  initialState: initialEmploymentState,
  evolve: evolveEmployment,
};

/** The 404 for an employment id nobody recorded. */
export const employmentNotFound = (employmentId: string): DomainError =>
  notFound('EMPLOYMENT.NOT_FOUND', `No employment ${employmentId}.`, `没有编号为 ${employmentId} 的劳务联结。`);

/** Unreversed payments for one wage month. */
export function paymentsForMonth(state: EmploymentState, period: string): PaymentRecord[] {
  if (state.status === 'none') return [];
  return state.payments.inPeriod(period).filter((p) => !p.reversal);
}

/** How the reversal slice rebuilds an employment, finds its wage payments and scopes clerks. */
export const employmentPayments: PaymentLinkage<EmploymentState, EmploymentEvent> = {
  evolver: employment,
  payments: (s) => (s.status === 'none' ? Payments.none : s.payments),
  township: (s) => (s.status === 'none' ? undefined : s.township),
};
