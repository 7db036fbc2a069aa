import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { HouseholdRegistered } from '../households/household.events';
import { openField, openPersonal, sealField, sealPersonal } from './personal-cipher';
import { ERASED } from './personal-fields';

describe('personal fields sealed with a household key', () => {
  const registered = {
    type: 'HouseholdRegistered',
    data: { householdId: 'household-1', registrationNo: '421127010100101', headName: '张三', members: 4 },
  } as unknown as HouseholdRegistered;

  it('given a key, any text round-trips; without it (erased) it reads [已删除]', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const key = randomBytes(32);
        const sealed = sealField(key, text);
        expect(sealed).toMatch(/^pd1\.[\w-]+\.[\w-]+\.[\w-]*$/);
        expect(openField(key, sealed)).toBe(text);
        expect(openField(undefined, sealed)).toBe(ERASED);
      }),
    );
  });

  it('never uses a nonce twice, across the refills of the pool nonces are cut from', () => {
    const key = randomBytes(32);
    const nonces = new Set<string>();
    // Three pools' worth (1,024 each) and a bit, so the pool is refilled several times.
    for (let i = 0; i < 3_100; i++) {
      const sealed = sealField(key, '李四');
      nonces.add(sealed.split('.')[1]);
      expect(openField(key, sealed)).toBe('李四');
    }
    expect(nonces.size).toBe(3_100);
  });

  it('seals only the declared fields: the head’s name, not the registration number or members', () => {
    const key = randomBytes(32);
    const sealed = sealPersonal(registered, key);
    expect(sealed.data.headName).toMatch(/^pd1\./);
    expect(JSON.stringify(sealed)).not.toContain('张三');
    expect(sealed.data.registrationNo).toBe('421127010100101');
    expect(sealed.data.members).toBe(4);
    expect(openPersonal(sealed, key).data.headName).toBe('张三');
    expect(openPersonal(sealed, undefined).data.headName).toBe(ERASED);
  });

  it('refuses a field sealed under another key (GCM tag), never returning garbage', () => {
    expect(() => openField(randomBytes(32), sealField(randomBytes(32), '李四'))).toThrow();
  });
});
