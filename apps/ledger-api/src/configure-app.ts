import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { applyRequestLimits } from './request-limits';
import { serveWebConsole } from './web-console';

/** Everything about the HTTP app that is not a module: shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication): INestApplication {
  applyRequestLimits(app);
  // JSON, CSV and HTML answers compressed on a township's slow link (the console's assets come
  // precompressed and are left alone: they already carry Content-Encoding).
  app.use(compression({ threshold: 1024 }));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Benefit-linkage ledger')
      .setDescription(
        'Records every stake, dividend, lease, wage and purchase payment to poor households, and explains them.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  // The web console (apps/ledger-web) at `/`, when `npm run build` has built it.
  serveWebConsole(app);
  return app;
}
