import type { Evolver } from '../common/decider';
import { nameBasedUuid } from '../common/ids';
import type { CountyContactEvent } from './county-contact.events';

/** One stream per county (counties are names, not registered resources): its contact as last set. */
export const countyContactStreamId = (county: string): string => `county-contact-${nameBasedUuid('county', county)}`;

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
