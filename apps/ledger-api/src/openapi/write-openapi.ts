import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { apiReference } from './api-reference';
import { buildOpenApiDocument, undeclaredRoutes, unresolvedSchemas } from './openapi-document';
import { generateViewSchemas } from './view-schemas';

/**
 * `npm run openapi`: writes the answers' schemas made from their TypeScript types (view-schemas.json),
 * apps/ledger-api/openapi.json and API.md; `--check` fails (exit 1) when the committed files differ
 * from a fresh generation, a route is not declared through the contract decorators, or a schema a
 * route refers to does not exist. Runs in preview mode: routes and their declarations only, no
 * provider is instantiated, so no database is needed.
 */
async function main(): Promise<void> {
  const views = generateViewSchemas();
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  const document = buildOpenApiDocument(app, views);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  await app.close();
  const undeclared = undeclaredRoutes(document);
  if (undeclared.length > 0) {
    process.stderr.write(
      `Routes without @LedgerWrite/@LedgerQuery/@LedgerDocument (their answers are not documented):\n${undeclared
        .map((route) => `  ${route}\n`)
        .join('')}`,
    );
    process.exitCode = 1;
  }
  const unresolved = unresolvedSchemas(document);
  if (unresolved.length > 0) {
    process.stderr.write(`Schemas referred to but not defined: ${unresolved.join(', ')}\n`);
    process.exitCode = 1;
  }
  const files: Array<[string, string]> = [
    [resolve(process.cwd(), 'apps/ledger-api/src/openapi/view-schemas.json'), `${JSON.stringify(views, null, 2)}\n`],
    [resolve(process.cwd(), 'apps/ledger-api/openapi.json'), text],
    [resolve(process.cwd(), 'apps/ledger-api/API.md'), apiReference(document)],
  ];
  for (const [target, content] of files) {
    if (!process.argv.includes('--check')) {
      writeFileSync(target, content);
      continue;
    }
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // not committed yet: reported below
    }
    if (committed !== content) {
      process.stderr.write(`${target} is not what the routes declare: run \`npm run openapi\` and commit it.\n`);
      process.exitCode = 1;
    }
  }
}

void main();
