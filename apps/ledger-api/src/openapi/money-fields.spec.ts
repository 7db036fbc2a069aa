import DOCUMENT from '../../openapi.json';

/*
 * Money is integer fen: the committed OpenAPI document must say so for every money field, request
 * or answer, so that a client generated from it never holds an amount in a float. A view's field is
 * an integer because its TypeScript type is `Fen` or `SignedFen` (primitives/money.ts, tagged
 * `@asType integer`); a request DTO's because its @ApiProperty says so.
 */

type Schema = {
  type?: string;
  minimum?: number;
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
};
type Parameter = { name: string; schema?: Schema };

const schemas = DOCUMENT.components.schemas as Record<string, Schema>;

/** `schema` with its reference followed (a `$ref`, or a described `allOf` of one). */
function resolved(schema: Schema): Schema {
  const ref = schema.$ref ?? (schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);
  return ref ? resolved(schemas[ref.replace('#/components/schemas/', '')]) : schema;
}

const refersTo = (schema: Schema, name: string) =>
  JSON.stringify(schema) === JSON.stringify({ $ref: `#/components/schemas/${name}` }) ||
  (schema.allOf?.length === 1 && schema.allOf[0].$ref === `#/components/schemas/${name}`);

/** Every money field of the document, `where` it is: named `…Fen`, or typed `Fen` / `SignedFen`. */
function moneyFields(): { where: string; schema: Schema }[] {
  const found: { where: string; schema: Schema }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}/${i}`));
    const { properties, parameters } = node as { properties?: Record<string, Schema>; parameters?: Parameter[] };
    for (const [name, schema] of Object.entries(properties ?? {})) {
      if (name.endsWith('Fen') || refersTo(schema, 'Fen') || refersTo(schema, 'SignedFen')) {
        found.push({ where: `${where}.${name}`, schema });
      }
    }
    for (const parameter of parameters ?? []) {
      if (parameter.name.endsWith('Fen') && parameter.schema)
        found.push({ where: `${where}?${parameter.name}`, schema: parameter.schema });
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`);
  };
  walk(DOCUMENT, '');
  return found;
}

describe('money in the OpenAPI document', () => {
  it('documents Fen as an integer of at least 0, and SignedFen as an integer', () => {
    expect(schemas.Fen).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schemas.SignedFen).toMatchObject({ type: 'integer' });
    expect(schemas.SignedFen.minimum).toBeUndefined();
  });

  it('documents no money field as a number', () => {
    const fields = moneyFields();
    // The answers alone carry more than a hundred: the walk did find them.
    expect(fields.length).toBeGreaterThan(100);
    const notInteger = fields
      .map(({ where, schema }) => ({ where, type: resolved(schema).type }))
      // A field named `…Fen` that holds a breakdown (`paidFen: { total, byForm }`) is an object of amounts.
      .filter(({ type }) => type !== 'integer' && type !== 'object');
    expect(notInteger).toEqual([]);
  });
});
