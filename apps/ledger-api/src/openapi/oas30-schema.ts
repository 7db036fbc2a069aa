import type { SchemaObject } from '@nestjs/swagger';

/*
 * A JSON Schema (draft-07, as ts-json-schema-generator writes it) as an OpenAPI 3.0 Schema Object:
 * `const` becomes a one-value `enum`, `null` in a type or a union becomes `nullable`, and
 * `#/definitions/X` references point into components.schemas. Only the keywords the generator
 * emits for the ledger's views are known; any other fails here, so the document never carries a
 * keyword an OpenAPI 3.0 tool would reject or ignore, nor a sibling of a `$ref`.
 * (@openapi-contrib/json-schema-to-openapi-schema would do this; it is not installed yet.)
 */

const KNOWN = new Set([
  'type',
  'description',
  'properties',
  'required',
  '$ref',
  'items',
  'enum',
  'anyOf',
  'const',
  'format',
  'minimum',
]);

/** The branch that admits `null` beside a reference (OpenAPI 3.0 has no `type: null`, and `nullable` needs a `type`). */
const NULL_ONLY: SchemaObject = { type: 'object', nullable: true, enum: [null] };

type JsonSchema = Record<string, unknown>;

const isNull = (schema: unknown): boolean => (schema as JsonSchema).type === 'null';

/** `schema` as OpenAPI 3.0; `name` gives the component name of a definition's name. */
export function toOpenApi30(schema: JsonSchema, name: (definition: string) => string, at = '#'): SchemaObject {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KNOWN.has(key)) throw new Error(`${at}: the keyword \`${key}\` has no OpenAPI 3.0 equivalent here`);
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([p, s]) => [p, toOpenApi30(s, name, `${at}/${p}`)]),
      );
    } else if (key === 'items') {
      out.items = toOpenApi30(value as JsonSchema, name, `${at}/items`);
    } else if (key === '$ref') {
      const ref = value as string;
      if (!ref.startsWith('#/definitions/')) throw new Error(`${at}: unexpected reference ${ref}`);
      out.$ref = `#/components/schemas/${name(decodeURIComponent(ref.slice('#/definitions/'.length)))}`;
    } else if (key === 'const') {
      out.enum = [value];
    } else if (key !== 'anyOf' && key !== 'type') {
      out[key] = value;
    }
  }
  if (Array.isArray(schema.type)) Object.assign(out, nullableType(schema.type as string[], at));
  else if (schema.type !== undefined) out.type = schema.type;
  if (schema.anyOf) Object.assign(out, nullableUnion(schema.anyOf as JsonSchema[], name, at));
  // OpenAPI 3.0 ignores whatever stands beside a `$ref` (a property's own description): wrapped, it is kept.
  const { $ref, ...siblings } = out;
  if ($ref !== undefined && Object.keys(siblings).length > 0) return { ...siblings, allOf: [{ $ref }] } as SchemaObject;
  return out;
}

/** `type: [T, "null"]` as `type: T, nullable: true`; several types as a union of each. */
function nullableType(types: readonly string[], at: string): JsonSchema {
  const others = types.filter((t) => t !== 'null');
  const nullable = others.length < types.length ? { nullable: true } : {};
  if (others.length === 1) return { type: others[0], ...nullable };
  if (others.length === 0) throw new Error(`${at}: a type that is only null`);
  return { anyOf: [...others.map((type) => ({ type })), ...(nullable.nullable ? [NULL_ONLY] : [])] };
}

/** A union with `null`: an inline member made nullable, or the union with an explicit null branch. */
function nullableUnion(members: readonly JsonSchema[], name: (definition: string) => string, at: string): JsonSchema {
  const others = members.filter((m) => !isNull(m)).map((m, i) => toOpenApi30(m, name, `${at}/anyOf/${i}`));
  if (others.length === members.length) return { anyOf: others };
  if (others.length === 1 && others[0].type !== undefined && others[0].anyOf === undefined) {
    return { ...others[0], nullable: true };
  }
  return { anyOf: [...others, NULL_ONLY] };
}
