import { assertMayWriteIn } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import { formatYuan } from '../../primitives/money';
import type { LoanEvent } from '../loan.events';
import { latestMaturity, MAX_LOAN_PRINCIPAL_FEN, termWithinLimit } from '../loan-limits';
import type { LoanState } from '../loan.state';
import type { RecordLoanCommand } from './record-loan.command';

/** What the handler read of the other streams a loan names, each undefined when not registered. */
export interface RecordLoanParties {
  household?: { householdId: string; township: string; county: string };
  entity?: { entityId: string; name: string };
  project?: { projectId: string };
}

const percent = (bp: number): string => `${(bp / 100).toFixed(2)}%`;

/**
 * A loan is recorded for a registered household by a clerk of its township, within the policy's
 * limits: at most 50,000 yuan, a term of at most three years, a subsidy rate at most the loan's own.
 * A loan invested in an entity (户贷企用) names a registered entity; a subsidy paid by a project names
 * a registered project. A contract number already recorded for the lender is a 409.
 */
export function decideRecordLoan(
  command: RecordLoanCommand,
  state: LoanState,
  parties: RecordLoanParties,
): LoanEvent[] {
  const { payload, metadata } = command;
  const { household, entity, project } = parties;
  if (!household) {
    throw refuse(
      'LOAN.UNKNOWN_HOUSEHOLD',
      `No household ${payload.householdId} is registered; register the household first.`,
      `没有编号为 ${payload.householdId} 的农户，请先登记该户。`,
    );
  }
  assertMayWriteIn(metadata.actor, household.township);
  if (state.status !== 'none') {
    throw conflict(
      'LOAN.CONTRACT_NO_TAKEN',
      `${payload.lender} contract ${payload.contractNo ?? payload.loanId} is already recorded (loan ${state.terms.loanId}).`,
      `${payload.lender}借款合同号 ${payload.contractNo ?? payload.loanId} 已登记（贷款 ${state.terms.loanId}）。`,
    );
  }
  if (payload.principalFen > MAX_LOAN_PRINCIPAL_FEN) {
    throw refuse(
      'LOAN.PRINCIPAL_ABOVE_LIMIT',
      `A poverty micro-credit loan is at most ${formatYuan(MAX_LOAN_PRINCIPAL_FEN)} yuan; ${formatYuan(payload.principalFen)} is too much.`,
      `扶贫小额信贷每户最高 ${formatYuan(MAX_LOAN_PRINCIPAL_FEN)} 元，${formatYuan(payload.principalFen)} 元超出上限。`,
    );
  }
  if (!termWithinLimit(payload.disbursedOn, payload.maturesOn)) {
    const latest = latestMaturity(payload.disbursedOn);
    throw refuse(
      'LOAN.TERM_ABOVE_LIMIT',
      `maturesOn must be after disbursedOn ${payload.disbursedOn} and at most three years later (${latest}); ${payload.maturesOn} is not.`,
      `到期日期须晚于放款日期 ${payload.disbursedOn}，且期限不超过三年（最晚 ${latest}）；${payload.maturesOn} 不符合。`,
    );
  }
  if (payload.use === 'invested_in_entity' && !entity) {
    throw refuse(
      'LOAN.UNKNOWN_ENTITY',
      `No entity ${payload.entityId ?? ''} is registered; register the entity first.`,
      `没有编号为 ${payload.entityId ?? ''} 的经营主体，请先登记该经营主体。`,
    );
  }
  const { subsidy } = payload;
  if (subsidy && subsidy.rateBp > payload.annualRateBp) {
    throw refuse(
      'LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE',
      `The subsidy rate ${percent(subsidy.rateBp)} is above the loan's own rate ${percent(payload.annualRateBp)}.`,
      `贴息利率 ${percent(subsidy.rateBp)} 高于贷款利率 ${percent(payload.annualRateBp)}。`,
    );
  }
  if (subsidy?.payer === 'project' && !project) {
    throw refuse(
      'LOAN.UNKNOWN_PROJECT',
      `No project ${subsidy.projectId ?? ''} is registered.`,
      `扶贫项目 ${subsidy.projectId ?? ''} 未登记。`,
    );
  }
  return [
    {
      type: 'LoanDisbursed',
      data: {
        loanId: payload.loanId,
        householdId: household.householdId,
        township: household.township,
        county: household.county,
        lender: payload.lender,
        ...(payload.contractNo === undefined ? {} : { contractNo: payload.contractNo }),
        principalFen: payload.principalFen,
        annualRateBp: payload.annualRateBp,
        disbursedOn: payload.disbursedOn,
        maturesOn: payload.maturesOn,
        use: payload.use,
        ...(payload.use === 'invested_in_entity' && entity
          ? { entityId: entity.entityId, entityName: entity.name }
          : {}),
        ...(subsidy === undefined
          ? {}
          : {
              subsidy: {
                rateBp: subsidy.rateBp,
                payer: subsidy.payer,
                ...(subsidy.payer === 'project' && subsidy.projectId !== undefined
                  ? { projectId: subsidy.projectId }
                  : {}),
              },
            }),
      },
    },
  ];
}
