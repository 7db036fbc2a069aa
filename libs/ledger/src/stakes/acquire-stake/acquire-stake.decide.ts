import { assertMayWriteIn } from '../../common/actor';
import { refuse } from '../../common/domain-error';
import type { EntityKind } from '../../entities/entity.events';
import type { EntityEvent, EntityState } from '../../entities/entity.state';
import { formatYuan } from '../../primitives/money';
import { stakeIdFor } from '../stake-id';
import type { StakeAcquired } from '../stake.events';
import type { AcquireStakeCommand } from './acquire-stake.command';

/** What the handler read from other streams: the household, and the project named on the stake. */
export interface AcquireStakeParties {
  /** Undefined when no such household is registered (or a collective is named instead). */
  household: { householdId: string; township: string } | undefined;
  /** The entity named as `collectiveId`: undefined when none is named or none is registered. */
  collective?: { collectiveId: string; kind: EntityKind; name: string; township: string };
  /** Undefined when no project is named or no such project is registered. */
  project: { projectId: string; name: string; disbursedToEntityFen: number } | undefined;
  /** The loan a `household_loan` stake names: undefined when none is named or no such loan is recorded. */
  loan?: LoanOfStake;
}

/** What a stake needs to know of the loan it was bought with. */
export interface LoanOfStake {
  loanId: string;
  householdId: string;
  use: 'own_production' | 'invested_in_entity';
  entityId?: string;
  principalFen: number;
}

/**
 * Records a stake in the entity's stream as `<entityId>.s<n>`. A fiscal-fund stake (资金变股金) is
 * bought with a project's money: its principal, with the other fiscal stakes that project's money
 * bought in this entity, cannot exceed what the project disbursed to the entity.
 */
export function decideAcquireStake(
  command: AcquireStakeCommand,
  state: EntityState,
  parties: AcquireStakeParties,
): EntityEvent[] {
  const { payload, metadata } = command;
  if (state.status !== 'registered') {
    throw refuse(
      'STAKE.UNKNOWN_ENTITY',
      `No entity ${payload.entityId} is registered; register the entity first.`,
      `经营主体 ${payload.entityId} 未登记，请先登记。`,
    );
  }
  const { project } = parties;
  const holder = holderOfStake(payload, parties);
  assertMayWriteIn(metadata.actor, holder.township);
  if (payload.endsOn !== undefined && payload.endsOn < payload.startsOn) {
    throw refuse(
      'STAKE.ENDS_BEFORE_START',
      `The stake cannot end (${payload.endsOn}) before it starts (${payload.startsOn}).`,
      `股份终止日期 ${payload.endsOn} 早于起始日期 ${payload.startsOn}。`,
    );
  }
  if (payload.source !== 'fiscal_fund' && payload.projectId !== undefined) {
    throw refuse(
      'STAKE.PROJECT_ONLY_FOR_FISCAL_FUND',
      `Only a fiscal_fund stake is bought with a project's money; leave out projectId for a ${payload.source} stake.`,
      '只有财政资金入股（资金变股金）才关联扶贫项目，其他来源的股份请勿填写项目。',
    );
  }
  if (payload.source === 'fiscal_fund') {
    if (payload.projectId === undefined) {
      throw refuse(
        'STAKE.PROJECT_REQUIRED',
        'A fiscal_fund stake must name the project whose money bought it.',
        '财政资金入股必须注明资金来自哪个扶贫项目。',
      );
    }
    if (project === undefined) {
      throw refuse(
        'STAKE.UNKNOWN_PROJECT',
        `No project ${payload.projectId} is registered.`,
        `扶贫项目 ${payload.projectId} 未登记。`,
      );
    }
    const heldFen = Object.values(state.stakes)
      // A transferred stake continues one already counted: its principal was bought once.
      .filter((s) => s.source === 'fiscal_fund' && s.projectId === payload.projectId && s.transferredFrom === undefined)
      .reduce((sum, s) => sum + s.principalFen, 0);
    if (heldFen + payload.principalFen > project.disbursedToEntityFen) {
      const leftFen = Math.max(0, project.disbursedToEntityFen - heldFen);
      throw refuse(
        'STAKE.EXCEEDS_DISBURSEMENT',
        `Project ${project.name} disbursed ${formatYuan(project.disbursedToEntityFen)} yuan to ${state.name}; ` +
          `stakes bought with it already hold ${formatYuan(heldFen)}, so at most ${formatYuan(leftFen)} yuan ` +
          `is left, less than this stake's principal of ${formatYuan(payload.principalFen)}.`,
        `项目“${project.name}”拨付给${state.name}的资金为 ${formatYuan(project.disbursedToEntityFen)} 元，` +
          `已折股 ${formatYuan(heldFen)} 元，最多还可折股 ${formatYuan(leftFen)} 元，` +
          `不足本次入股本金 ${formatYuan(payload.principalFen)} 元。`,
      );
    }
  }
  if (payload.loanId !== undefined) assertLoanCovers(payload, state, parties.loan);
  if (payload.guaranteedYearlyFen !== undefined && payload.endsOn === undefined) {
    throw refuse(
      'STAKE.GUARANTEE_NEEDS_TERM',
      'A guaranteed dividend is a promise for a term: give the stake an endsOn.',
      '保底分红须有期限，请填写股份终止日期。',
    );
  }
  if (payload.guarantor === 'project' && payload.projectId === undefined) {
    throw refuse(
      'STAKE.GUARANTOR_NEEDS_PROJECT',
      "Only a stake bought with a project's fiscal funds can have the project as guarantor.",
      '只有财政资金入股（注明扶贫项目）的股份才能由项目资金保底。',
    );
  }
  const data: StakeAcquired['data'] = {
    stakeId: stakeIdFor(payload.entityId, state.stakeCount + 1),
    entityId: payload.entityId,
    ...('collectiveId' in holder ? { collectiveId: holder.collectiveId } : { householdId: holder.householdId }),
    township: holder.township,
    ...(payload.projectId === undefined ? {} : { projectId: payload.projectId }),
    source: payload.source,
    ...(payload.loanId === undefined ? {} : { loanId: payload.loanId }),
    principalFen: payload.principalFen,
    shares: payload.shares,
    ...(payload.guaranteedYearlyFen === undefined
      ? {}
      : {
          guaranteedYearlyFen: payload.guaranteedYearlyFen,
          guaranteeSchedule: payload.guaranteeSchedule ?? 'yearly',
          guarantor: payload.guarantor ?? 'entity',
        }),
    startsOn: payload.startsOn,
    ...(payload.endsOn === undefined ? {} : { endsOn: payload.endsOn }),
  };
  return [{ type: 'StakeAcquired', data }];
}

/**
 * The stake's holder: a registered household, or a registered village collective (资产收益) named
 * as `collectiveId`. A collective's stake carries no guarantee: a 保底 promise is made to a household.
 */
function holderOfStake(
  payload: AcquireStakeCommand['payload'],
  { household, collective }: AcquireStakeParties,
): { householdId: string; township: string } | { collectiveId: string; township: string } {
  if (payload.collectiveId !== undefined) {
    if (collective === undefined || collective.kind !== 'village_collective') {
      throw refuse(
        'STAKE.NOT_A_COLLECTIVE',
        collective === undefined
          ? `No entity ${payload.collectiveId} is registered; a collective's stake names a registered village collective.`
          : `${collective.name} is a ${collective.kind}, not a village_collective; only a village collective holds stakes in households' place.`,
        collective === undefined
          ? `经营主体 ${payload.collectiveId} 未登记；村集体持股须填写已登记的村集体。`
          : `${collective.name}不是村集体（村股份经济合作社），不能代替农户持股。`,
      );
    }
    if (payload.guaranteedYearlyFen !== undefined) {
      throw refuse(
        'STAKE.COLLECTIVE_NOT_GUARANTEED',
        "A guaranteed dividend is promised to a household; a collective's stake carries none.",
        '保底分红是对农户的承诺，村集体持股不设保底分红。',
      );
    }
    return { collectiveId: collective.collectiveId, township: collective.township };
  }
  if (household === undefined) {
    throw refuse(
      'STAKE.UNKNOWN_HOUSEHOLD',
      `No household ${payload.householdId ?? ''} is registered; register the household first.`,
      `农户 ${payload.householdId ?? ''} 未登记，请先登记。`,
    );
  }
  return household;
}

/**
 * A `household_loan` stake that names its loan (户贷企用): the loan is the household's, invested in
 * this entity, and the stakes naming it here (several may) hold together at most its principal.
 */
function assertLoanCovers(
  payload: AcquireStakeCommand['payload'],
  state: Extract<EntityState, { status: 'registered' }>,
  loan: LoanOfStake | undefined,
): void {
  if (loan === undefined) {
    throw refuse(
      'STAKE.UNKNOWN_LOAN',
      `No loan ${payload.loanId ?? ''} is recorded.`,
      `没有编号为 ${payload.loanId ?? ''} 的扶贫小额贷款。`,
    );
  }
  if (loan.householdId !== payload.householdId) {
    throw refuse(
      'STAKE.LOAN_OF_ANOTHER_HOUSEHOLD',
      `Loan ${loan.loanId} is another household's; a stake is bought only with the holder's own loan.`,
      `贷款 ${loan.loanId} 不是该农户的贷款，只能以本户贷款入股。`,
    );
  }
  if (loan.use !== 'invested_in_entity' || loan.entityId !== payload.entityId) {
    throw refuse(
      'STAKE.LOAN_NOT_INVESTED_HERE',
      `Loan ${loan.loanId} was not recorded as invested in ${state.name} (户贷企用).`,
      `贷款 ${loan.loanId} 登记的用途不是投入${state.name}（户贷企用）。`,
    );
  }
  const heldFen = Object.values(state.stakes)
    .filter((s) => s.loanId === loan.loanId)
    .reduce((sum, s) => sum + s.principalFen, 0);
  if (heldFen + payload.principalFen > loan.principalFen) {
    const leftFen = Math.max(0, loan.principalFen - heldFen);
    throw refuse(
      'STAKE.EXCEEDS_LOAN',
      `Loan ${loan.loanId} lent ${formatYuan(loan.principalFen)} yuan; stakes bought with it already hold ` +
        `${formatYuan(heldFen)}, so at most ${formatYuan(leftFen)} yuan is left, less than ${formatYuan(payload.principalFen)}.`,
      `贷款本金 ${formatYuan(loan.principalFen)} 元，已入股 ${formatYuan(heldFen)} 元，最多还可入股 ${formatYuan(leftFen)} 元，` +
        `不足本次入股本金 ${formatYuan(payload.principalFen)} 元。`,
    );
  }
}
