import type { SchemaObject } from '@nestjs/swagger';
import { resolve } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { toOpenApi30 } from './oas30-schema';

/** Where the answers are listed (`QueryViews`), relative to the repository's root. */
const QUERY_VIEWS = 'libs/ledger/src/http/contract/query-views.ts';

/** `Page<HouseholdSummary>` as a component name OpenAPI allows (`^[a-zA-Z0-9._-]+$`): `PageOfHouseholdSummary`. */
function componentName(definition: string): string {
  return definition
    .replace(/</g, 'Of')
    .replace(/,\s*/g, 'And')
    .replace(/[^A-Za-z0-9._-]/g, '');
}

/**
 * The schema of every answer listed in `QueryViews`, and of every named type they reach, made from
 * the TypeScript types by ts-json-schema-generator (run by `npm run openapi`, from the repository's
 * root): components.schemas entries, sorted by name. An entry of `QueryViews` that is a generic or a
 * union (`HouseholdPage: Page<HouseholdSummary>`) is its own component under the entry's name.
 */
export function generateViewSchemas(root = process.cwd()): Record<string, SchemaObject> {
  const generator = createGenerator({
    path: resolve(root, QUERY_VIEWS),
    tsconfig: resolve(root, 'tsconfig.json'),
    type: 'QueryViews',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    // Extra fields are not refused: a client must tolerate an answer that grew a field.
    additionalProperties: true,
    // tsc checks the types already (`npm run lint`); checking again costs a minute.
    skipTypeCheck: true,
  });
  const definitions = generator.createSchema('QueryViews').definitions as Record<string, Record<string, unknown>>;
  const { QueryViews: registry, ...named } = definitions;
  // An entry that only refers to a generic instance names that instance: `HouseholdPage`, not `PageOfHouseholdSummary`.
  const renamed = new Map<string, string>();
  const entries = Object.entries(registry.properties as Record<string, Record<string, unknown>>);
  for (const [entry, schema] of entries) {
    const ref = typeof schema.$ref === 'string' ? decodeURIComponent(schema.$ref.replace('#/definitions/', '')) : '';
    if (ref !== '' && ref !== entry && /[<>,]/.test(ref)) renamed.set(ref, entry);
  }
  const nameOf = (definition: string) => renamed.get(definition) ?? componentName(definition);
  const schemas: Record<string, SchemaObject> = {};
  const add = (name: string, schema: SchemaObject) => {
    if (schemas[name]) throw new Error(`two view types are named ${name}: rename one`);
    schemas[name] = schema;
  };
  for (const [definition, schema] of Object.entries(named)) {
    add(nameOf(definition), toOpenApi30(schema, nameOf, `#/definitions/${definition}`));
  }
  for (const [entry, schema] of entries) {
    const ref = typeof schema.$ref === 'string' ? decodeURIComponent(schema.$ref.replace('#/definitions/', '')) : '';
    if (ref !== '' && nameOf(ref) === entry) continue;
    add(entry, toOpenApi30(schema, nameOf, `QueryViews/${entry}`));
  }
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}
