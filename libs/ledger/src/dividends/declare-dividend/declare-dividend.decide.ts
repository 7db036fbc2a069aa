import { assertMayWriteIn } from '../../common/actor';
import { conflict, notFound, refuse } from '../../common/domain-error';
import { stakesActiveOn, type EntityState, type StakeRecord } from '../../entities/entity.state';
import { allocateLargestRemainder } from '../../primitives/allocation';
import { formatFraction } from '../../primitives/fraction';
import { formatYuan, MAX_FEN } from '../../primitives/money';
import { parsePeriod, periodShareOfYear } from '../../primitives/period';
import { guaranteedDividendForPeriod } from '../../primitives/rent';
import { stakeNumber } from '../../stakes/stake-id';
import type { DividendAllocation, DividendEvent } from '../dividend.events';
import type { DividendState } from '../dividend.state';
import type { DeclareDividendCommand } from './declare-dividend.command';

/**
 * Declares a dividend over the stakes of `entity` (read by the handler) active on the record date.
 * With a pool, the pool is split in proportion to shares by largest remainder, so the allocations add
 * up to the pool exactly; a leftover fen tied between stakes goes to the earlier stake (s2 before s10).
 * Without a pool, each active stake with a guaranteed yearly dividend gets it times the period's
 * share of a year, rounded half-up to the fen.
 */
export function decideDeclareDividend(
  command: DeclareDividendCommand,
  state: DividendState,
  entity: EntityState,
): DividendEvent[] {
  const { payload, metadata } = command;
  if (entity.status !== 'registered') {
    throw notFound('ENTITY.NOT_FOUND', `No entity ${payload.entityId}.`, `没有编号为 ${payload.entityId} 的经营主体。`);
  }
  assertMayWriteIn(metadata.actor, entity.township);
  if (state.status !== 'none') {
    // The declaration's id is the entity's and period's, so this is the same period declared again.
    throw conflict(
      'DIVIDEND.ALREADY_DECLARED',
      `${state.entityName} has already declared a dividend for ${state.period} (${state.declarationId}); declaring it again would allocate it twice. A further dividend for that period is declared with supplementary: true.`,
      `${state.entityName}已登记 ${state.period} 的分红方案（${state.declarationId}），不能重复登记；如确需追加分红，请按补充分红登记（supplementary: true）。`,
    );
  }
  const parsed = parsePeriod(payload.period);
  if (!parsed.ok) {
    throw refuse('DIVIDEND.BAD_PERIOD', `${payload.period} is not a period.`, `${payload.period} 不是有效的期间。`);
  }

  const active = [...stakesActiveOn(entity, payload.recordDate)].sort(
    (a, b) => stakeNumber(a.stakeId) - stakeNumber(b.stakeId),
  );
  if (active.length === 0) {
    throw refuse(
      'DIVIDEND.NO_ACTIVE_STAKES',
      `${entity.name} has no stake active on the record date ${payload.recordDate}; nothing can be allocated.`,
      `${entity.name}在股权登记日 ${payload.recordDate} 没有有效股份，无法分配分红。`,
    );
  }
  const totalShares = active.reduce((sum, s) => sum + BigInt(s.shares), 0n);
  if (totalShares > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw refuse(
      'DIVIDEND.TOO_MANY_SHARES',
      `The active stakes hold ${totalShares} shares, more than the ledger can count.`,
      `有效股份合计 ${totalShares} 股，超出账本可计算的范围。`,
    );
  }

  let allocations: DividendAllocation[];
  if (payload.poolFen !== undefined) {
    // Keys that sort as the stakes were acquired, so ties go to the earlier stake.
    const amounts = allocateLargestRemainder(
      payload.poolFen,
      active.map((s) => ({ key: String(stakeNumber(s.stakeId)).padStart(16, '0'), weight: s.shares })),
    );
    allocations = active.map((s, i) => allocationOf(s, amounts[i].amountFen));
  } else {
    const guaranteed = active.filter((s) => (s.guaranteedYearlyFen ?? 0) > 0);
    if (guaranteed.length === 0) {
      throw refuse(
        'DIVIDEND.NO_GUARANTEED_STAKES',
        `No stake active on ${payload.recordDate} has a guaranteed yearly dividend; give poolFen to split an amount over the shares.`,
        `股权登记日 ${payload.recordDate} 的有效股份均无保底分红，请填写分红总额（poolFen）按股分配。`,
      );
    }
    allocations = guaranteed.map((s) =>
      allocationOf(s, guaranteedDividendForPeriod(s.guaranteedYearlyFen ?? 0, parsed.period)),
    );
    const total = allocations.reduce((sum, a) => sum + BigInt(a.amountFen), 0n);
    if (total > BigInt(MAX_FEN)) {
      throw refuse(
        'DIVIDEND.TOO_LARGE',
        `The guaranteed dividends add up to more than the ledger can hold (${formatYuan(MAX_FEN)} yuan).`,
        '保底分红合计超出账本可记录的金额。',
      );
    }
  }

  return [
    {
      type: 'DividendDeclared',
      data: {
        declarationId: payload.declarationId,
        entityId: payload.entityId,
        entityName: entity.name,
        township: entity.township,
        period: parsed.period.text,
        periodShare: formatFraction(periodShareOfYear(parsed.period)),
        declaredOn: payload.declaredOn,
        recordDate: payload.recordDate,
        ...(payload.poolFen === undefined ? {} : { poolFen: payload.poolFen }),
        ...(payload.supplementary ? { supplementary: true as const } : {}),
        totalShares: Number(totalShares),
        allocations,
      },
    },
  ];
}

function allocationOf(stake: StakeRecord, amountFen: number): DividendAllocation {
  return {
    stakeId: stake.stakeId,
    ...(stake.collectiveId === undefined ? { householdId: stake.householdId } : { collectiveId: stake.collectiveId }),
    township: stake.township,
    shares: stake.shares,
    ...(stake.guaranteedYearlyFen === undefined ? {} : { guaranteedYearlyFen: stake.guaranteedYearlyFen }),
    ...(stake.projectId === undefined ? {} : { projectId: stake.projectId }),
    source: stake.source,
    amountFen,
  };
}
