import type { Evolver } from '../common/decider';
import type { HouseholdEvent, HouseholdRegistered, HouseholdStatus } from './household.events';

export type HouseholdState =
  | { status: 'none' }
  | (HouseholdRegistered['data'] & {
      status: 'registered';
      povertyStatus: HouseholdStatus;
      statusHistory: { status: HouseholdStatus; effectiveOn: string; reason: string }[];
      /** True once its personal data is erased (its names then read `[已删除]`). */
      erased?: boolean;
    });

export const initialHouseholdState: HouseholdState = { status: 'none' };

export function evolveHousehold(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  switch (event.type) {
    case 'HouseholdRegistered':
      return { ...event.data, status: 'registered', povertyStatus: 'enrolled', statusHistory: [] };
    case 'HouseholdStatusChanged':
      if (state.status !== 'registered') return state;
      return {
        ...state,
        povertyStatus: event.data.status,
        statusHistory: [
          ...state.statusHistory,
          { status: event.data.status, effectiveOn: event.data.effectiveOn, reason: event.data.reason },
        ],
      };
    case 'HouseholdErased':
      return state.status === 'registered' ? { ...state, erased: true } : state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const household: Evolver<HouseholdState, HouseholdEvent> = {
  initialState: initialHouseholdState,
  evolve: evolveHousehold,
};
