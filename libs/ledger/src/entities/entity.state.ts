import type { Evolver } from '../common/decider';
import {
  Payments,
  withPayment,
  withReissue,
  withReturn,
  withReversal,
  type PaymentBankEvent,
  type PaymentReversed,
} from '../payments/payment';
import type { StakeAcquired, StakeEvent } from '../stakes/stake.events';
import type { EntityRegistered } from './entity.events';

/**
 * An entity and the equity stakes held in it, with the guarantee top-ups paid on them and their
 * corrections (reversals, the bank's returns and reissues). Stakes live in the entity's stream because a dividend
 * declaration splits over all of them at once, and a fiscal-fund stake is checked against the other
 * stakes the same project's money bought here.
 */
export type EntityEvent = EntityRegistered | StakeEvent | PaymentReversed | PaymentBankEvent;

export type StakeRecord = StakeAcquired['data'] & { endReason?: string };

export type EntityState =
  | { status: 'none' }
  | (EntityRegistered['data'] & {
      status: 'registered';
      stakes: Record<string, StakeRecord>;
      stakeCount: number;
      /** Guarantee top-ups paid on each stake (by stake id), numbered per stake. */
      topups: Record<string, Payments>;
    });

export const initialEntityState: EntityState = { status: 'none' };

export function evolveEntity(state: EntityState, event: EntityEvent): EntityState {
  switch (event.type) {
    case 'EntityRegistered':
      return { ...event.data, status: 'registered', stakes: {}, stakeCount: 0, topups: {} };
    case 'StakeAcquired':
      if (state.status !== 'registered') return state;
      return {
        ...state,
        stakes: { ...state.stakes, [event.data.stakeId]: event.data },
        stakeCount: state.stakeCount + 1,
      };
    case 'StakeEnded': {
      if (state.status !== 'registered') return state;
      const stake = state.stakes[event.data.stakeId];
      if (!stake) return state;
      return {
        ...state,
        stakes: {
          ...state.stakes,
          [event.data.stakeId]: { ...stake, endsOn: event.data.endsOn, endReason: event.data.reason },
        },
      };
    }
    case 'GuaranteeToppedUp': {
      if (state.status !== 'registered') return state;
      const { stakeId, paymentId, amountFen, paidOn, householdId, period } = event.data;
      const topups = withPayment(state.topups[stakeId] ?? Payments.none, {
        paymentId,
        amountFen,
        paidOn,
        householdId,
        period,
      });
      return { ...state, topups: { ...state.topups, [stakeId]: topups } };
    }
    case 'PaymentReversed':
    case 'PaymentReturned':
    case 'PaymentReissued': {
      // Only top-ups are paid in an entity's stream: `<stakeId>.p<n>`, corrected like any payment.
      if (state.status !== 'registered') return state;
      const stakeId = event.data.paymentId.replace(/\.p\d+$/, '');
      const topups = state.topups[stakeId];
      if (topups === undefined) return state;
      const next =
        event.type === 'PaymentReversed'
          ? withReversal(topups, event)
          : event.type === 'PaymentReturned'
            ? withReturn(topups, event)
            : withReissue(topups, event);
      return { ...state, topups: { ...state.topups, [stakeId]: next } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const entity: Evolver<EntityState, EntityEvent> = { initialState: initialEntityState, evolve: evolveEntity };

/** Stakes active on a date: started on or before it and not ended before it. */
export function stakesActiveOn(state: EntityState, date: string): StakeRecord[] {
  if (state.status !== 'registered') return [];
  return Object.values(state.stakes).filter((s) => s.startsOn <= date && (s.endsOn === undefined || s.endsOn >= date));
}
