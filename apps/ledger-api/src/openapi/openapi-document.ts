import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type SchemaObject } from '@nestjs/swagger';
import VIEW_SCHEMAS from './view-schemas.json';

/** The document's tags, in the order a reader meets them. */
const TAGS: ReadonlyArray<[string, string]> = [
  ['users', 'Who may do what: users, roles and tokens.'],
  ['registry', 'Households, operating entities and projects, with their funds and disbursements.'],
  ['linkages', 'Stakes, dividends, leases, employments and orders, and the payments made under them.'],
  ['collectives', 'Village collectives: their income, and its second distribution (二次分配) to households.'],
  ['credit', 'Poverty micro-credit: loans, repayments and interest subsidies.'],
  ['payments', 'What applies to any payment: reversal.'],
  ['statements', "A household's statement, as JSON, CSV, HTML and PDF, and its acknowledgement."],
  ['counties', "What a county prints on its households' cards: whom to ask."],
  ['notices', 'Public notices (公示) for a village, objections and their answers; the hold on payments.'],
  ['queries', 'Read models across households: obligations, coverage.'],
  ['audit', 'Fund flow, loan book and the tamper evidence of the log.'],
  ['imports', 'Rosters imported from CSV and Excel files.'],
  ['operations', 'Health of the service.'],
];

type Operation = { security?: unknown[]; [extension: `x-${string}`]: unknown };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function* operations(document: OpenAPIObject): Generator<[string, Operation]> {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) yield [`${method.toUpperCase()} ${path}`, operation];
    }
  }
}

/**
 * The OpenAPI document, made from the routes' own declarations (`LedgerWrite`, `LedgerQuery`,
 * `LedgerDocument` and the DTOs' `@ApiProperty`) and the answers' schemas made from their TypeScript
 * types (`views`: view-schemas.json, which `npm run openapi` generates). The same function serves
 * `/api/docs-json` and writes `apps/ledger-api/openapi.json`, so the two never differ.
 */
export function buildOpenApiDocument(
  app: INestApplication,
  views: Record<string, SchemaObject> = VIEW_SCHEMAS as unknown as Record<string, SchemaObject>,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Benefit-linkage ledger')
    .setDescription(
      'Records every stake, dividend, lease, wage and purchase payment to poor households, and explains them.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://example.invalid/unlicensed')
    .addServer('/', 'This service')
    .addBearerAuth();
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  // A public route (no token) says so explicitly, so a reader never wonders whether it was forgotten.
  for (const [, operation] of operations(document)) if (operation['x-ledger-public']) operation.security = [];
  const schemas = (document.components ??= {}).schemas ?? {};
  for (const name of Object.keys(views)) {
    if (schemas[name]) throw new Error(`components.schemas.${name} is both a DTO class and a view type: rename one`);
  }
  document.components.schemas = { ...schemas, ...views };
  return document;
}

/** References to components.schemas that name no schema (a route's `view` missing from QueryViews, say). */
export function unresolvedSchemas(document: OpenAPIObject): string[] {
  const names = new Set(Object.keys(document.components?.schemas ?? {}));
  const refs = JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g);
  return [...new Set([...refs].map(([, name]) => name))].filter((name) => !names.has(name)).sort();
}

/** Routes not declared through `LedgerWrite`/`LedgerQuery`/`LedgerDocument`: they lack the documented errors. */
export function undeclaredRoutes(document: OpenAPIObject): string[] {
  return [...operations(document)].filter(([, operation]) => !operation['x-ledger-route']).map(([name]) => name);
}
