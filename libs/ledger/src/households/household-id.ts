import { nameBasedUuid } from '../common/ids';
import { IdPipe } from '../http/id.pipe';

/**
 * A household's id is derived from its registration number, so the stream itself guarantees that a
 * number is registered once: a second registration finds the stream taken.
 */
export const householdIdFor = (registrationNo: string): string =>
  `household-${nameBasedUuid('household', registrationNo.trim())}`;

export const HouseholdIdPipe = IdPipe('household', '农户');
