import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * `npm run openapi`: writes apps/ledger-api/openapi.json; `--check` fails (exit 1) when the committed
 * file differs from a fresh generation. Runs in preview mode: routes and their declarations only, no
 * provider is instantiated, so no database is needed.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const target = resolve(process.cwd(), 'apps/ledger-api/openapi.json');
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // no committed document yet: reported below
    }
    if (committed !== text) {
      process.stderr.write(`${target} is not what the routes declare: run \`npm run openapi\` and commit it.\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, text);
}

void main();
