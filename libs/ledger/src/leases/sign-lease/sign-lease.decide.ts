import { assertMayWriteIn } from '../../common/actor';
import { conflict, refuse } from '../../common/domain-error';
import { compareDates } from '../../primitives/calendar';
import { formatArea, parseArea, computeRentDues } from '../../primitives/rent';
import type { LeaseEvent } from '../lease.events';
import type { LeaseState } from '../lease.state';
import type { SignLeaseCommand } from './sign-lease.command';

/** What the handler read of the other streams a lease names: the household and the entity, if registered. */
export interface SignLeaseParties {
  household?: { householdId: string; township: string };
  entity?: { entityId: string; name: string };
}

/**
 * Signs a lease: the household and entity must be registered, the clerk must serve the household's
 * township, the term must end after it starts and hold at least one whole calendar month (else no rent
 * ever falls due). The rent schedule is computed here, once, and recorded on the event.
 */
export function decideSignLease(command: SignLeaseCommand, state: LeaseState, parties: SignLeaseParties): LeaseEvent[] {
  const { payload, metadata } = command;
  const { household, entity } = parties;
  if (!household) {
    throw refuse(
      'LEASE.UNKNOWN_HOUSEHOLD',
      `No household ${payload.householdId} is registered; register the household first.`,
      `没有编号为 ${payload.householdId} 的农户，请先登记该户。`,
    );
  }
  assertMayWriteIn(metadata.actor, household.township);
  if (!entity) {
    throw refuse(
      'LEASE.UNKNOWN_ENTITY',
      `No entity ${payload.entityId} is registered; register the entity first.`,
      `没有编号为 ${payload.entityId} 的经营主体，请先登记该经营主体。`,
    );
  }
  if (state.status !== 'none') {
    throw conflict(
      'LEASE.ALREADY_SIGNED',
      `Lease ${payload.leaseId} is already signed.`,
      `租赁合同 ${payload.leaseId} 已登记。`,
    );
  }
  if (compareDates(payload.endsOn, payload.startsOn) <= 0) {
    throw refuse(
      'LEASE.END_NOT_AFTER_START',
      `The term must end after it starts: endsOn ${payload.endsOn} is not after startsOn ${payload.startsOn}.`,
      `租期结束日 ${payload.endsOn} 必须晚于开始日 ${payload.startsOn}。`,
    );
  }
  const area = parseArea(payload.areaMu);
  if (!area.ok) {
    throw refuse(
      'LEASE.INVALID_AREA',
      `areaMu ${payload.areaMu} is not a positive area with at most two decimals.`,
      `面积 ${payload.areaMu} 亩无效：须为大于零、最多两位小数的亩数。`,
    );
  }
  const areaMu = formatArea(area.hundredths);
  let dues;
  try {
    dues = computeRentDues({ ...payload, areaMu });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw refuse(
      'LEASE.RENT_TOO_LARGE',
      'The rent of a period would exceed the largest amount the ledger records; check the area and the rent.',
      '某一期租金超出账本可记录的最大金额，请核对面积和每亩租金。',
    );
  }
  if (dues.length === 0) {
    throw refuse(
      'LEASE.NO_RENT_DUE',
      `The term ${payload.startsOn}..${payload.endsOn} holds no whole calendar month, so no rent would ever fall due.`,
      `租期 ${payload.startsOn} 至 ${payload.endsOn} 不含任何完整的自然月，不产生应付租金。`,
    );
  }
  return [
    {
      type: 'LeaseSigned',
      data: {
        leaseId: payload.leaseId,
        entityId: entity.entityId,
        entityName: entity.name,
        householdId: household.householdId,
        township: household.township,
        areaMu,
        rentPerMuYearFen: payload.rentPerMuYearFen,
        startsOn: payload.startsOn,
        endsOn: payload.endsOn,
        schedule: payload.schedule,
        dues: dues.map((d) => ({ period: d.period, dueOn: d.dueOn, share: d.share, amountFen: d.amountFen })),
      },
    },
  ];
}
