import { capFen } from '../loans/loan.figures';
import { formatYuan, type Fen } from '../primitives/money';
import type { FundFlowFlag } from './fund-flow.figures';

/*
 * Poverty micro-credit in a project's fund flow: the loans whose interest the project subsidises
 * (财政贴息), followed from the bank to the household, into the entity's stakes (户贷企用) and back out
 * as repayments, with the project's subsidies; flagged wherever a step exceeds its source. Pure.
 */

export interface LoanFigure {
  loanId: string;
  householdId: string;
  entityId?: string;
  lender: string;
  principalFen: Fen;
  annualRateBp: number;
  subsidyRateBp?: number;
}

/** A stake naming one of the loans. */
export interface LoanStakeFigure {
  stakeId: string;
  loanId: string;
  entityId: string;
  principalFen: Fen;
}

/** A repayment or subsidy on one of the loans, not reversed. */
export interface LoanPaymentFigure {
  loanId: string;
  kind: 'repayment' | 'subsidy';
  paidBy?: 'household' | 'entity';
  principalFen: Fen;
  interestFen: Fen;
  amountFen: Fen;
}

/** One loan as the fund flow shows it. */
export interface CreditFlow {
  loanId: string;
  householdId: string;
  entityId?: string;
  lender: string;
  principalFen: Fen;
  /** Principal of the stakes naming the loan (the loan into the entity). */
  investedFen: Fen;
  repaidPrincipalFen: Fen;
  /** Of the repayments (principal and interest), what the entity paid. */
  repaidByEntityFen: Fen;
  interestRepaidFen: Fen;
  /** The project's interest subsidies to the household, not reversed. */
  subsidisedFen: Fen;
  /** What those subsidies exceed the cap by, once a repayment they counted on was reversed. */
  oversubsidisedFen: Fen;
}

export interface CreditFigures {
  credit: CreditFlow[];
  subsidisedFen: Fen;
  flags: FundFlowFlag[];
}

const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);

export function creditFigures(
  input: { loans: readonly LoanFigure[]; stakes: readonly LoanStakeFigure[]; payments: readonly LoanPaymentFigure[] },
  householdName: (id: string) => string,
  lang: 'zh' | 'en' = 'zh',
): CreditFigures {
  const en = lang === 'en';
  const flags: FundFlowFlag[] = [];
  const credit = input.loans.map((loan): CreditFlow => {
    const stakes = input.stakes.filter((s) => s.loanId === loan.loanId);
    const payments = input.payments.filter((p) => p.loanId === loan.loanId);
    const repayments = payments.filter((p) => p.kind === 'repayment');
    const interestRepaidFen = sum(repayments.map((p) => p.interestFen));
    const subsidisedFen = sum(payments.filter((p) => p.kind === 'subsidy').map((p) => p.amountFen));
    const cap = capFen(interestRepaidFen, loan.subsidyRateBp, loan.annualRateBp);
    const flow: CreditFlow = {
      loanId: loan.loanId,
      householdId: loan.householdId,
      ...(loan.entityId === undefined ? {} : { entityId: loan.entityId }),
      lender: loan.lender,
      principalFen: loan.principalFen,
      investedFen: sum(stakes.map((s) => s.principalFen)),
      repaidPrincipalFen: sum(repayments.map((p) => p.principalFen)),
      repaidByEntityFen: sum(repayments.filter((p) => p.paidBy === 'entity').map((p) => p.amountFen)),
      interestRepaidFen,
      subsidisedFen,
      oversubsidisedFen: Math.max(0, subsidisedFen - cap),
    };
    const household = householdName(loan.householdId);
    if (flow.investedFen > flow.principalFen) {
      flags.push({
        rule: 'FUND_FLOW.LOAN_STAKES_BEYOND_PRINCIPAL',
        detail: en
          ? `Stakes naming loan ${loan.loanId} of ${household} hold ${formatYuan(flow.investedFen)} yuan, more than its principal of ${formatYuan(flow.principalFen)} yuan.`
          : `农户 ${household} 的贷款 ${loan.loanId} 入股 ${formatYuan(flow.investedFen)} 元，超过贷款本金 ${formatYuan(flow.principalFen)} 元。`,
      });
    }
    if (flow.oversubsidisedFen > 0) {
      flags.push({
        rule: 'FUND_FLOW.SUBSIDY_BEYOND_CAP',
        detail: en
          ? `${household} was paid ${formatYuan(subsidisedFen)} yuan of interest subsidy on loan ${loan.loanId}, but the interest repaid (${formatYuan(interestRepaidFen)} yuan, net of reversals) caps it at ${formatYuan(cap)} yuan (${formatYuan(flow.oversubsidisedFen)} yuan more).`
          : `农户 ${household} 的贷款 ${loan.loanId} 已贴息 ${formatYuan(subsidisedFen)} 元，但按已还利息（冲正后 ${formatYuan(interestRepaidFen)} 元）最多可贴息 ${formatYuan(cap)} 元，超出 ${formatYuan(flow.oversubsidisedFen)} 元。`,
      });
    }
    return flow;
  });
  return { credit, subsidisedFen: sum(credit.map((c) => c.subsidisedFen)), flags };
}
