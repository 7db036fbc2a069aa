import { holderOf } from '../stake-holder';
import { assertMayWriteIn } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import type { EntityEvent, EntityState } from '../../entities/entity.state';
import { paymentIdFor } from '../../payments/payment';
import { compareDates } from '../../primitives/calendar';
import { guaranteeStandings, type DeclaredOnStake } from '../../primitives/guarantee';
import { formatYuan } from '../../primitives/money';
import type { GuaranteeToppedUp } from '../stake.events';
import type { TopUpGuaranteeCommand } from './top-up-guarantee.command';

/**
 * A top-up pays (part of) the shortfall of one guarantee period of a guaranteed stake: paid by the
 * stake's guarantor, not before the stake started, and at most what is still short after what was
 * declared on the stake (`declared`, the stake's allocations) and the top-ups not reversed. Two
 * clerks topping up the same period at once cannot both pass: the entity's stream is appended at the
 * revision this was decided on.
 */
export function decideTopUpGuarantee(
  command: TopUpGuaranteeCommand,
  state: EntityState,
  declared: readonly DeclaredOnStake[],
): EntityEvent[] {
  const { payload, metadata } = command;
  const stake = state.status === 'registered' ? state.stakes[payload.stakeId] : undefined;
  if (state.status !== 'registered' || stake === undefined) {
    throw notFound('STAKE.NOT_FOUND', `No stake ${payload.stakeId}.`, `没有编号为 ${payload.stakeId} 的股份。`);
  }
  assertMayWriteIn(metadata.actor, stake.township);
  if (stake.guaranteedYearlyFen === undefined || stake.endsOn === undefined) {
    throw refuse(
      'GUARANTEE.NONE',
      `Stake ${stake.stakeId} has no guaranteed dividend with a term, so nothing can be topped up.`,
      `股份 ${stake.stakeId} 没有约定期限的保底分红，无需补足。`,
    );
  }
  const guarantor = stake.guarantor ?? 'entity';
  if (payload.payer !== guarantor) {
    throw refuse(
      'GUARANTEE.WRONG_PAYER',
      `The guarantor of stake ${stake.stakeId} is the ${guarantor}; a top-up by the ${payload.payer} is not its promise.`,
      `股份 ${stake.stakeId} 的保底方是${guarantor === 'entity' ? '经营主体' : '项目资金'}，付款方须与之一致。`,
    );
  }
  const standings = guaranteeStandings(
    {
      guaranteedYearlyFen: stake.guaranteedYearlyFen,
      schedule: stake.guaranteeSchedule ?? 'yearly',
      startsOn: stake.startsOn,
      endsOn: stake.endsOn,
      ...(stake.promiseStartsOn === undefined ? {} : { promiseStartsOn: stake.promiseStartsOn }),
    },
    declared,
  );
  const standing = standings.find((s) => s.period === payload.period);
  if (standing === undefined) {
    const periods = standings.map((s) => s.period).join(', ');
    throw refuse(
      'GUARANTEE.PERIOD_NOT_IN_SCHEDULE',
      `Period ${payload.period} is not a guarantee period of stake ${stake.stakeId} (${periods || 'none'}).`,
      `期间 ${payload.period} 不是该股份的保底期间（保底期间：${periods || '无'}）。`,
    );
  }
  if (compareDates(payload.paidOn, stake.startsOn) < 0) {
    throw refuse(
      'GUARANTEE.PAID_BEFORE_START',
      `paidOn ${payload.paidOn} is before the stake started on ${stake.startsOn}.`,
      `支付日期 ${payload.paidOn} 早于股份起始日 ${stake.startsOn}。`,
    );
  }
  const topups = state.topups[stake.stakeId];
  const toppedUpFen = topups?.paidFen({ period: standing.period }) ?? 0;
  const shortFen = Math.max(0, standing.shortfallFen - toppedUpFen);
  if (payload.amountFen > shortFen) {
    throw refuse(
      'GUARANTEE.OVERPAYMENT',
      `Of the ${formatYuan(standing.guaranteedFen)} yuan guaranteed for ${standing.period}, ` +
        `${formatYuan(standing.declaredFen)} was declared and ${formatYuan(toppedUpFen)} topped up: ` +
        `only ${formatYuan(shortFen)} yuan is still short, ${formatYuan(payload.amountFen)} is too much.`,
      `${standing.period} 保底 ${formatYuan(standing.guaranteedFen)} 元，已分红 ${formatYuan(standing.declaredFen)} 元、` +
        `已补足 ${formatYuan(toppedUpFen)} 元，尚差 ${formatYuan(shortFen)} 元，本次 ${formatYuan(payload.amountFen)} 元超出。`,
    );
  }
  const data: GuaranteeToppedUp['data'] = {
    stakeId: stake.stakeId,
    entityId: stake.entityId,
    entityName: state.name,
    paymentId: paymentIdFor(stake.stakeId, (topups?.count ?? 0) + 1),
    // Only a household's stake carries a guarantee (a collective's is refused one when acquired).
    householdId: holderOf(stake),
    township: stake.township,
    period: standing.period,
    amountFen: payload.amountFen,
    paidOn: payload.paidOn,
    payer: payload.payer,
    ...(payload.payer === 'project' && stake.projectId !== undefined ? { projectId: stake.projectId } : {}),
    ...(payload.reference === undefined ? {} : { reference: payload.reference }),
    guaranteedFen: standing.guaranteedFen,
    declaredFen: standing.declaredFen,
    shortfallFen: standing.shortfallFen,
  };
  return [{ type: 'GuaranteeToppedUp', data }];
}
