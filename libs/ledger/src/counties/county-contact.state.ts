import type { Evolver } from '../common/decider';
import type { CountyContactEvent } from './county-contact.events';

/** A county's contact as last set. */
export type CountyContactState =
  { status: 'unset' } | { status: 'set'; county: string; office: string; phone: string; hotline: string };

export const countyContact: Evolver<CountyContactState, CountyContactEvent> = {
  initialState: { status: 'unset' },
  evolve(_state, event) {
    switch (event.type) {
      case 'CountyContactSet':
        return { status: 'set', ...event.data };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
