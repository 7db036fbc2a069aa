import type { Evolver } from '../common/decider';
import type { UserEvent, UserRegistered } from './user.events';

export const userStream = (userId: string): string => `user-${userId}`;

export type UserState = { status: 'none' } | ({ status: 'active' } & UserRegistered['data']);

export const initialUserState: UserState = { status: 'none' };

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return { status: 'active', ...event.data };
    case 'UserTokenReplaced':
      return state.status === 'active' ? { ...state, tokenHash: event.data.tokenHash } : state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const user: Evolver<UserState, UserEvent> = { initialState: initialUserState, evolve: evolveUser };
