import { assertAdmin } from '../../common/actor';
import { NATIONAL_HOTLINE, type CountyContactEvent } from '../county-contact.events';
import type { CountyContactState } from '../county-contact.state';
import type { SetContactCommand } from './set-contact.command';

/**
 * An admin sets a county's contact; the hotline defaults to the national 12317. Setting what is
 * already set records nothing (a PUT repeated is the same PUT).
 */
export function decideSetContact(command: SetContactCommand, state: CountyContactState): CountyContactEvent[] {
  assertAdmin(command.metadata.actor);
  const { county, office, phone } = command.payload;
  const hotline = command.payload.hotline ?? NATIONAL_HOTLINE;
  if (state.status === 'set' && state.office === office && state.phone === phone && state.hotline === hotline) {
    return [];
  }
  return [{ type: 'CountyContactSet', data: { county, office, phone, hotline } }];
}
