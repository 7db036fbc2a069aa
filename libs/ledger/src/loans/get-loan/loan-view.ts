import {
  interestRepaidFen,
  loanStatus,
  outstandingPrincipalFen,
  oversubsidisedFen,
  subsidisedFen,
} from '../loan.figures';
import type { LoanState } from '../loan.state';
import type { LoanView } from './loan.view';

/** A folded loan as the API shows it on `today` (a date in China time: it decides `overdue`). */
export function toLoanView(
  state: Extract<LoanState, { status: 'disbursed' }>,
  today: string,
  position: number,
): LoanView {
  const { terms } = state;
  const reversalOf = (paymentId: string) => state.payments.get(paymentId)?.reversal;
  return {
    loan: {
      loanId: terms.loanId,
      householdId: terms.householdId,
      township: terms.township,
      county: terms.county,
      lender: terms.lender,
      ...(terms.contractNo === undefined ? {} : { contractNo: terms.contractNo }),
      principalFen: terms.principalFen,
      annualRateBp: terms.annualRateBp,
      disbursedOn: terms.disbursedOn,
      maturesOn: terms.maturesOn,
      use: terms.use,
      ...(terms.entityId === undefined ? {} : { entityId: terms.entityId }),
      entity: terms.entityId === undefined ? null : { id: terms.entityId, name: terms.entityName ?? '' },
      ...(terms.subsidy === undefined ? {} : { subsidy: terms.subsidy }),
    },
    outstandingPrincipalFen: outstandingPrincipalFen(state),
    interestPaidFen: interestRepaidFen(state),
    subsidisedFen: subsidisedFen(state),
    oversubsidisedFen: oversubsidisedFen(state),
    status: loanStatus(state, today),
    repayments: state.repayments.map((r) => {
      const reversal = reversalOf(r.paymentId);
      return { ...r, reversed: reversal !== undefined, ...(reversal ? { reversal } : {}) };
    }),
    subsidies: state.subsidies.map((s) => {
      const reversal = reversalOf(s.paymentId);
      return { ...s, reversed: reversal !== undefined, ...(reversal ? { reversal } : {}) };
    }),
    position,
  };
}
