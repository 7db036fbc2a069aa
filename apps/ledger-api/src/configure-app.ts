import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { applyRequestLimits } from './request-limits';
import { serveWebConsole } from './web-console';

/** Everything about the HTTP app that is not a module: shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication): INestApplication {
  applyRequestLimits(app);
  // JSON, CSV and HTML answers compressed on a township's slow link (the console's assets come
  // precompressed and are left alone: they already carry Content-Encoding).
  app.use(compression({ threshold: 1024 }));
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // The web console (apps/ledger-web) at `/`, when `npm run build` has built it.
  serveWebConsole(app);
  return app;
}
