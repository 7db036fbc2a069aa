import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import { paymentIdFor } from '../../payments/payment';
import { compareDates } from '../../primitives/calendar';
import { formatYuan } from '../../primitives/money';
import { interestRepaidFen, subsidisedFen, subsidyCapFen } from '../loan.figures';
import type { LoanEvent } from '../loan.events';
import { loanNotFound, type LoanState } from '../loan.state';
import type { PayInterestSubsidyCommand } from './pay-interest-subsidy.command';

/**
 * A subsidy is paid only on a loan with subsidy terms, on or after disbursement, and all subsidies
 * not reversed stay within the cap: the interest repaid on or before this subsidy's paidOn (net of
 * reversals) × subsidy rate ÷ loan rate, rounded down to the fen. The cap and the interest it counted
 * are recorded on the event, for the statement line to explain.
 */
export function decidePayInterestSubsidy(command: PayInterestSubsidyCommand, state: LoanState): LoanEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'disbursed') throw loanNotFound(payload.loanId);
  const { terms } = state;
  assertMayWriteIn(metadata.actor, terms.township);
  const { subsidy } = terms;
  if (!subsidy) {
    throw refuse(
      'LOAN.NO_SUBSIDY',
      'This loan was recorded without an interest subsidy; nothing can be subsidised on it.',
      '该贷款登记时未约定财政贴息，不能发放贴息。',
    );
  }
  if (compareDates(payload.paidOn, terms.disbursedOn) < 0) {
    throw refuse(
      'LOAN.SUBSIDY_BEFORE_DISBURSED',
      `paidOn ${payload.paidOn} is before the loan was disbursed on ${terms.disbursedOn}.`,
      `贴息日期 ${payload.paidOn} 早于放款日期 ${terms.disbursedOn}。`,
    );
  }
  const interestFen = interestRepaidFen(state, payload.paidOn);
  const capFen = subsidyCapFen(state, interestFen);
  const alreadyFen = subsidisedFen(state);
  const leftFen = Math.max(0, capFen - alreadyFen);
  if (payload.amountFen > leftFen) {
    throw refuse(
      'LOAN.SUBSIDY_EXCEEDS_CAP',
      `By ${payload.paidOn} ${formatYuan(interestFen)} yuan of interest was repaid, which caps the subsidies at ` +
        `${formatYuan(capFen)} yuan; ${formatYuan(alreadyFen)} is already paid, so at most ${formatYuan(leftFen)} ` +
        `yuan is left, less than ${formatYuan(payload.amountFen)}.`,
      `截至 ${payload.paidOn} 已还利息 ${formatYuan(interestFen)} 元，贴息上限 ${formatYuan(capFen)} 元；` +
        `已贴息 ${formatYuan(alreadyFen)} 元，最多还可贴息 ${formatYuan(leftFen)} 元，不足本次 ${formatYuan(payload.amountFen)} 元。`,
    );
  }
  return [
    {
      type: 'LoanInterestSubsidised',
      data: {
        loanId: terms.loanId,
        paymentId: paymentIdFor(terms.loanId, state.payments.count + 1),
        householdId: terms.householdId,
        amountFen: payload.amountFen,
        paidOn: payload.paidOn,
        ...(payload.reference === undefined ? {} : { reference: payload.reference }),
        lender: terms.lender,
        principalFen: terms.principalFen,
        annualRateBp: terms.annualRateBp,
        subsidyRateBp: subsidy.rateBp,
        payer: subsidy.payer,
        ...(subsidy.projectId === undefined ? {} : { projectId: subsidy.projectId }),
        ...(terms.entityId === undefined ? {} : { entityId: terms.entityId }),
        ...(terms.entityName === undefined ? {} : { entityName: terms.entityName }),
        interestRepaidFen: interestFen,
        capFen,
      },
    },
  ];
}
