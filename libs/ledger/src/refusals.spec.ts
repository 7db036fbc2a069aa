import { REFUSALS } from './refusals';

describe('the refusal catalogue', () => {
  it('names each code CAPABILITY.WHAT, in capital letters (a hyphen where the problem type asks for one: PAYMENT.NOTICE-HOLD)', () => {
    for (const code of Object.keys(REFUSALS)) expect(code).toMatch(/^[A-Z]+\.[A-Z_0-9-]+$/);
  });

  it('gives a field only to refusals a request can be corrected in (rule, conflict)', () => {
    for (const [code, spec] of Object.entries(REFUSALS) as [string, { kind: string; field?: string }][]) {
      if (spec.field !== undefined)
        expect([code, ['rule', 'conflict']]).toEqual([code, expect.arrayContaining([spec.kind])]);
    }
  });
});
