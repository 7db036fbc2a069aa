import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { paymentIdFor } from '../../payments/payment';
import { compareDates } from '../../primitives/calendar';
import { formatYuan } from '../../primitives/money';
import { outstandingPrincipalFen } from '../loan.figures';
import type { LoanEvent } from '../loan.events';
import { loanNotFound, type LoanState } from '../loan.state';
import type { RecordLoanRepaymentCommand } from './record-loan-repayment.command';

/**
 * A repayment is made on or after the loan was disbursed, repays at most the principal still owed
 * (reversed repayments no longer count), and is made by the entity only when the loan was invested
 * in it (户贷企用). Interest alone may be repaid on a loan whose principal is cleared.
 */
export function decideRecordLoanRepayment(command: RecordLoanRepaymentCommand, state: LoanState): LoanEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'disbursed') throw loanNotFound(payload.loanId);
  const { terms } = state;
  assertMayWriteIn(metadata.actor, terms.township);
  if (payload.paidBy === 'entity' && terms.use !== 'invested_in_entity') {
    throw refuse(
      'LOAN.ENTITY_REPAYMENT_NOT_INVESTED',
      'Only a loan invested in an entity (户贷企用) is repaid by the entity; this loan is for the household’s own production.',
      '该贷款用于农户自主发展生产，不是户贷企用，不能由经营主体还款。',
    );
  }
  if (compareDates(payload.paidOn, terms.disbursedOn) < 0) {
    throw refuse(
      'LOAN.REPAID_BEFORE_DISBURSED',
      `paidOn ${payload.paidOn} is before the loan was disbursed on ${terms.disbursedOn}.`,
      `还款日期 ${payload.paidOn} 早于放款日期 ${terms.disbursedOn}。`,
    );
  }
  const outstanding = outstandingPrincipalFen(state);
  if (payload.principalFen > outstanding) {
    throw refuse(
      'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING',
      `Only ${formatYuan(outstanding)} yuan of principal is outstanding; ${formatYuan(payload.principalFen)} yuan is too much.`,
      `该贷款尚欠本金 ${formatYuan(outstanding)} 元，本次还本 ${formatYuan(payload.principalFen)} 元超出欠款。`,
    );
  }
  return [
    {
      type: 'LoanRepaid',
      data: {
        loanId: terms.loanId,
        paymentId: paymentIdFor(terms.loanId, state.payments.count + 1),
        householdId: terms.householdId,
        principalFen: payload.principalFen,
        interestFen: payload.interestFen,
        paidOn: payload.paidOn,
        paidBy: payload.paidBy,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
      },
    },
  ];
}
