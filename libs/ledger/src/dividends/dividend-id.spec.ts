import { declarationIdFor } from './dividend-id';

describe('declarationIdFor', () => {
  const entity = 'entity-0b7c8a4e-5d8f-4a51-9a3c-2f1e6f0a9b11';

  it('gives an entity’s period one id, whoever asks, so a second declaration meets the first', () => {
    const first = declarationIdFor(entity, '2018-H1', undefined, { commandId: 'a' });
    expect(first).toMatch(/^dividend-[0-9a-f-]{36}$/);
    expect(declarationIdFor(entity, '2018-H1', false, { commandId: 'b' })).toBe(first);
    expect(declarationIdFor(entity, '2018-H2', undefined, { commandId: 'a' })).not.toBe(first);
    expect(declarationIdFor('entity-other', '2018-H1', undefined, { commandId: 'a' })).not.toBe(first);
  });

  it('gives each supplementary declaration an id of its own', () => {
    const regular = declarationIdFor(entity, '2018-H1', undefined, { commandId: 'a' });
    const one = declarationIdFor(entity, '2018-H1', true, { commandId: 'a' });
    const two = declarationIdFor(entity, '2018-H1', true, { commandId: 'b' });
    expect(new Set([regular, one, two]).size).toBe(3);
  });
});
