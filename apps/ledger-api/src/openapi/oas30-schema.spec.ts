import { toOpenApi30 } from './oas30-schema';

const name = (definition: string) => definition.replace('<', 'Of').replace('>', '');

describe('a view type’s JSON Schema as an OpenAPI 3.0 schema', () => {
  it('turns `const` into a one-value enum', () => {
    expect(toOpenApi30({ type: 'string', const: 'sha256' }, name)).toEqual({ type: 'string', enum: ['sha256'] });
  });

  it('turns `string | null` into a nullable string', () => {
    expect(toOpenApi30({ type: ['string', 'null'], description: 'd' }, name)).toEqual({
      type: 'string',
      nullable: true,
      description: 'd',
    });
  });

  it('makes an inline object or null a nullable object', () => {
    const object = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
    expect(toOpenApi30({ anyOf: [object, { type: 'null' }] }, name)).toEqual({ ...object, nullable: true });
  });

  it('keeps a reference or null a union with an explicit null branch, the reference into components', () => {
    expect(toOpenApi30({ anyOf: [{ $ref: '#/definitions/Page%3CItem%3E' }, { type: 'null' }] }, name)).toEqual({
      anyOf: [{ $ref: '#/components/schemas/PageOfItem' }, { type: 'object', nullable: true, enum: [null] }],
    });
  });

  it('wraps a reference with its own description, which OpenAPI 3.0 would ignore beside `$ref`', () => {
    expect(toOpenApi30({ $ref: '#/definitions/Contact', description: 'whom to ask' }, name)).toEqual({
      description: 'whom to ask',
      allOf: [{ $ref: '#/components/schemas/Contact' }],
    });
  });

  it('converts properties and items all the way down', () => {
    const schema = {
      type: 'array',
      items: { type: 'object', properties: { kind: { type: 'string', const: 'rent' } } },
    };
    expect(toOpenApi30(schema, name)).toEqual({
      type: 'array',
      items: { type: 'object', properties: { kind: { type: 'string', enum: ['rent'] } } },
    });
  });

  it('refuses a keyword it does not know, naming where', () => {
    expect(() => toOpenApi30({ type: 'object', properties: { a: { type: 'string', pattern: 'x' } } }, name)).toThrow(
      '#/a: the keyword `pattern`',
    );
  });
});
