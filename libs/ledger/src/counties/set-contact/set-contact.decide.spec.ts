import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { CountyContactSet } from '../county-contact.events';
import { countyContact } from '../county-contact.state';
import { SetContactCommand } from './set-contact.command';
import { decideSetContact } from './set-contact.decide';

const spec = specFor(countyContact, decideSetContact);

const set = (payload: Partial<SetContactCommand['payload']> = {}, actor = admin): SetContactCommand =>
  new SetContactCommand(
    { county: '英山县', office: '英山县乡村振兴局', phone: '0713-7012345', ...payload },
    metadataFor(actor),
  );

const contactSet = (data: Partial<CountyContactSet['data']> = {}): CountyContactSet => ({
  type: 'CountyContactSet',
  data: { county: '英山县', office: '英山县乡村振兴局', phone: '0713-7012345', hotline: '12317', ...data },
});

describe('set a county contact', () => {
  it('given nothing set, when an admin sets office and phone, then the hotline is the national 12317', () => {
    spec.given([]).when(set()).then([contactSet()]);
  });

  it('keeps a hotline the county gives', () => {
    spec
      .given([])
      .when(set({ hotline: '0713-12317' }))
      .then([contactSet({ hotline: '0713-12317' })]);
  });

  it('given the same contact already set, records nothing', () => {
    spec.given([contactSet()]).when(set()).then([]);
  });

  it('given a contact, records a changed phone', () => {
    spec
      .given([contactSet()])
      .when(set({ phone: '0713-7000000' }))
      .then([contactSet({ phone: '0713-7000000' })]);
  });

  it.each([
    ['a clerk', clerkOf('城关镇')],
    ['an auditor', auditor],
  ])('refuses %s (admins only)', (_who, actor) => {
    spec.given([]).when(set({}, actor)).thenRefused('AUTH.ADMIN_ONLY', 'forbidden');
  });
});
