import { nameBasedUuid } from '../common/ids';

/** One stream per county (counties are names, not registered resources), holding its contact. */
export const countyContactStreamId = (county: string): string => `county-contact-${nameBasedUuid('county', county)}`;
