import type { Evolver } from '../common/decider';
import { notFound, type DomainError } from '../common/domain-error';
import { withPayment, withReissue, withReturn, withReversal, Payments } from '../payments/payment';
import type { PaymentLinkage } from '../payments/payment-linkage';
import type { LoanDisbursed, LoanEvent, RepaidBy } from './loan.events';

export type LoanTerms = LoanDisbursed['data'];

export interface RepaymentRecord {
  paymentId: string;
  principalFen: number;
  interestFen: number;
  paidOn: string;
  paidBy: RepaidBy;
  reference?: string;
}

export interface SubsidyRecord {
  paymentId: string;
  amountFen: number;
  paidOn: string;
  reference?: string;
  interestRepaidFen: number;
  capFen: number;
}

export type LoanState =
  | { status: 'none' }
  | {
      status: 'disbursed';
      terms: LoanTerms;
      /**
       * Repayments and subsidies together, numbered in the order recorded (`<loanId>.p<n>`), so the
       * shared reversal finds either by its id and marks it here.
       */
      payments: Payments;
      repayments: readonly RepaymentRecord[];
      subsidies: readonly SubsidyRecord[];
    };

export const initialLoanState: LoanState = { status: 'none' };

export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  switch (event.type) {
    case 'LoanDisbursed':
      return { status: 'disbursed', terms: event.data, payments: Payments.none, repayments: [], subsidies: [] };
    case 'LoanRepaid': {
      if (state.status !== 'disbursed') return state;
      const { paymentId, principalFen, interestFen, paidOn, paidBy, reference, householdId } = event.data;
      return {
        ...state,
        payments: withPayment(state.payments, {
          paymentId,
          amountFen: principalFen + interestFen,
          paidOn,
          householdId,
        }),
        repayments: [
          ...state.repayments,
          { paymentId, principalFen, interestFen, paidOn, paidBy, ...(reference === undefined ? {} : { reference }) },
        ],
      };
    }
    case 'LoanInterestSubsidised': {
      if (state.status !== 'disbursed') return state;
      const { paymentId, amountFen, paidOn, reference, householdId, interestRepaidFen, capFen } = event.data;
      return {
        ...state,
        payments: withPayment(state.payments, { paymentId, amountFen, paidOn, householdId }),
        subsidies: [
          ...state.subsidies,
          {
            paymentId,
            amountFen,
            paidOn,
            ...(reference === undefined ? {} : { reference }),
            interestRepaidFen,
            capFen,
          },
        ],
      };
    }
    case 'PaymentReversed':
      if (state.status !== 'disbursed') return state;
      return { ...state, payments: withReversal(state.payments, event) };
    case 'PaymentReturned':
      if (state.status !== 'disbursed') return state;
      return { ...state, payments: withReturn(state.payments, event) };
    case 'PaymentReissued':
      if (state.status !== 'disbursed') return state;
      return { ...state, payments: withReissue(state.payments, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const loan: Evolver<LoanState, LoanEvent> = { initialState: initialLoanState, evolve: evolveLoan };

/** How the reversal slice rebuilds a loan, finds its repayments and subsidies, and scopes clerks. */
export const loanPayments: PaymentLinkage<LoanState, LoanEvent> = {
  evolver: loan,
  payments: (s) => (s.status === 'disbursed' ? s.payments : Payments.none),
  township: (s) => (s.status === 'disbursed' ? s.terms.township : undefined),
};

/** The 404 for a loan id nobody recorded. */
export const loanNotFound = (loanId: string): DomainError =>
  notFound('LOAN.NOT_FOUND', `No loan ${loanId}.`, `没有编号为 ${loanId} 的扶贫小额贷款。`);
