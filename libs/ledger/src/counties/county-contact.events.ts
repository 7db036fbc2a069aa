import type { DomainEvent } from '../common/decider';

/** The national supervision hotline for poverty alleviation, printed on every card unless a county sets another. */
export const NATIONAL_HOTLINE = '12317';

/**
 * Whom a county's households ask about their 明白卡, and where they complain: the office (e.g. the
 * county's 乡村振兴局), its phone, and the hotline. Recorded in the county's contact stream; the
 * latest one is what cards print.
 */
export type CountyContactSet = DomainEvent<
  'CountyContactSet',
  { county: string; office: string; phone: string; hotline: string }
>;

export type CountyContactEvent = CountyContactSet;
