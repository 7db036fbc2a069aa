import { assertMayWriteIn } from '../../common/actor';
import { conflict, notFound, refuse } from '../../common/domain-error';
import type { EntityKind } from '../../entities/entity.events';
import { allocateLargestRemainder } from '../../primitives/allocation';
import { formatYuan } from '../../primitives/money';
import { parsePeriod } from '../../primitives/period';
import type {
  CollectiveIncomeSource,
  DistributionAllocation,
  DistributionBasis,
  DistributionEvent,
} from '../collective.events';
import type { DistributionState } from '../distribution.state';
import type { DeclareDistributionCommand } from './declare-distribution.command';

/** A dividend paid to the collective, as its declaration's stream stands now. */
export interface CollectiveIncomePayment {
  entityId: string;
  entityName: string;
  amountFen: number;
  paidOn: string;
  /** Reversed, or returned by the bank: no longer income. */
  undone: boolean;
}

/** What the handler read besides the distribution's own stream. */
export interface DistributionParties {
  /** Undefined when no such entity is registered. */
  collective: { collectiveId: string; name: string; kind: EntityKind; township: string } | undefined;
  /** The households listed, as their streams stand (undefined: not registered). */
  households: ReadonlyMap<string, { township: string; members: number } | undefined>;
  /** Dividends paid to the collective, on every declaration that allocated to it. */
  income: readonly CollectiveIncomePayment[];
  /** The pools of the collective's earlier distributions, in order. */
  earlierPoolsFen: readonly number[];
  /** The ordinal this distribution's id was made with (earlier distributions + 1). */
  ordinal: number;
}

/**
 * Declares a collective's distribution: splits the pool over the listed households by one part each,
 * by registered members, or by the weights given, to the fen by largest remainder (ties to the
 * household id that sorts first by UTF-16 code units), never beyond the collective's undistributed
 * income (dividends paid to it on or before declaredOn, net of reversals and returns, minus the pools
 * of its earlier distributions).
 */
export function decideDeclareDistribution(
  command: DeclareDistributionCommand,
  state: DistributionState,
  parties: DistributionParties,
  distributionId: string,
): DistributionEvent[] {
  const { payload, metadata } = command;
  const { collective } = parties;
  if (collective === undefined) {
    throw notFound(
      'COLLECTIVE.NOT_FOUND',
      `No entity ${payload.collectiveId}.`,
      `没有编号为 ${payload.collectiveId} 的村集体。`,
    );
  }
  assertMayWriteIn(metadata.actor, collective.township);
  if (collective.kind !== 'village_collective') {
    throw refuse(
      'COLLECTIVE.NOT_A_COLLECTIVE',
      `${collective.name} is a ${collective.kind}, not a village collective; only a village collective distributes its income to households.`,
      `${collective.name}不是村集体，不能进行二次分配。`,
    );
  }
  if (state.status !== 'none') {
    throw conflict(
      'DISTRIBUTION.CONCURRENT',
      `Another distribution of ${collective.name} was recorded at the same moment; please try again.`,
      `${collective.name}的另一笔二次分配同时登记，请重试。`,
    );
  }
  const parsed = parsePeriod(payload.period);
  if (!parsed.ok) {
    throw refuse('DISTRIBUTION.BAD_PERIOD', `${payload.period} is not a period.`, `${payload.period} 不是有效的期间。`);
  }
  const weighed = weighHouseholds(payload, parties, collective.township);
  const incomeSources = incomeUpTo(parties.income, payload.declaredOn);
  const incomeFen = incomeSources.reduce((sum, s) => sum + s.amountFen, 0);
  const distributedBeforeFen = parties.earlierPoolsFen.reduce((sum, p) => sum + p, 0);
  const undistributedFen = incomeFen - distributedBeforeFen;
  if (payload.poolFen > undistributedFen) {
    throw refuse(
      'DISTRIBUTION.EXCEEDS_INCOME',
      `${collective.name} received ${formatYuan(incomeFen)} yuan in dividends by ${payload.declaredOn} and has distributed ` +
        `${formatYuan(distributedBeforeFen)}: at most ${formatYuan(Math.max(0, undistributedFen))} yuan is left, ` +
        `less than the pool of ${formatYuan(payload.poolFen)}.`,
      `${collective.name}截至 ${payload.declaredOn} 收到分红 ${formatYuan(incomeFen)} 元，已分配 ${formatYuan(distributedBeforeFen)} 元，` +
        `最多还可分配 ${formatYuan(Math.max(0, undistributedFen))} 元，少于本次分配总额 ${formatYuan(payload.poolFen)} 元。`,
    );
  }
  const amounts = allocateLargestRemainder(
    payload.poolFen,
    weighed.map((h) => ({ key: h.householdId, weight: h.weight })),
  );
  const allocations: DistributionAllocation[] = weighed.map((h, i) => ({ ...h, amountFen: amounts[i].amountFen }));
  return [
    {
      type: 'DistributionDeclared',
      data: {
        distributionId,
        collectiveId: collective.collectiveId,
        collectiveName: collective.name,
        township: collective.township,
        period: parsed.period.text,
        declaredOn: payload.declaredOn,
        poolFen: payload.poolFen,
        basis: payload.basis,
        totalWeight: weighed.reduce((sum, h) => sum + h.weight, 0),
        incomeSources,
        distributedBeforeFen,
        ordinal: parties.ordinal,
        allocations,
      },
    },
  ];
}

/** Each listed household with its weight: registered, in the collective's township, listed once. */
function weighHouseholds(
  payload: DeclareDistributionCommand['payload'],
  parties: DistributionParties,
  township: string,
): Omit<DistributionAllocation, 'amountFen'>[] {
  const seen = new Set<string>();
  return payload.households.map(({ householdId, weight }) => {
    if (seen.has(householdId)) {
      throw refuse(
        'DISTRIBUTION.HOUSEHOLD_REPEATED',
        `Household ${householdId} is listed twice; list each household once, with its weight.`,
        `农户 ${householdId} 重复列出，每户只列一次。`,
      );
    }
    seen.add(householdId);
    const household = parties.households.get(householdId);
    if (household === undefined) {
      throw refuse(
        'DISTRIBUTION.UNKNOWN_HOUSEHOLD',
        `No household ${householdId} is registered.`,
        `没有编号为 ${householdId} 的农户。`,
      );
    }
    if (household.township !== township) {
      throw refuse(
        'DISTRIBUTION.HOUSEHOLD_OUTSIDE_TOWNSHIP',
        `Household ${householdId} is registered in ${household.township}, not in the collective's township ${township}.`,
        `农户 ${householdId} 登记在${household.township}，不在村集体所在的${township}。`,
      );
    }
    return { householdId, township: household.township, weight: weightOf(payload.basis, weight, household.members) };
  });
}

/** 1 per household, the member count per member, or the weight the village decided. */
function weightOf(basis: DistributionBasis, weight: number | undefined, members: number): number {
  switch (basis) {
    case 'per_household':
      return 1;
    case 'per_member':
      return members;
    case 'weighted':
      // The request's validation requires a weight with this basis.
      return weight ?? 1;
    default: {
      const unknown: never = basis;
      return unknown;
    }
  }
}

/**
 * The collective's income by paying entity: dividends paid to it on or before `date`, neither
 * reversed nor returned, in the order the entities first paid.
 */
export function incomeUpTo(income: readonly CollectiveIncomePayment[], date: string): CollectiveIncomeSource[] {
  const byEntity = new Map<string, CollectiveIncomeSource>();
  for (const p of income) {
    if (p.undone || p.paidOn > date) continue;
    const source = byEntity.get(p.entityId) ?? { entityId: p.entityId, entityName: p.entityName, amountFen: 0 };
    byEntity.set(p.entityId, { ...source, amountFen: source.amountFen + p.amountFen });
  }
  return [...byEntity.values()];
}
