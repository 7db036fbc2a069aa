import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AdminBootstrap } from '@ledger/ledger';
import { warmUpStatementPdf } from '@ledger/ledger/statements/printable';
import { Database, RuntimeConfig } from '@ledger/runtime';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { installGracefulShutdown } from './graceful-shutdown';
import { webConsoleDir } from './web-console';

async function main(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  const config = app.get(RuntimeConfig);

  // Before the routes: a request that arrives after SIGTERM is refused before any handler sees it.
  installGracefulShutdown(app, (message) => app.get(Logger).log(message));

  await app.listen(config.PORT);
  printBanner(app.get(AdminBootstrap), app.get(Database), config.PORT);
  // The first clarity card of a process costs seconds (fonts, glyphs, compiled shaping): paid now, once.
  if (process.env.LEDGER_PDF_WARM_UP !== 'false') {
    setImmediate(() => {
      warmUpStatementPdf().then(
        (ms) => app.get(Logger).log(`statement PDF warmed up in ${ms} ms`),
        (error: unknown) => app.get(Logger).warn(`statement PDF warm-up failed: ${String(error)}`),
      );
    });
  }
}

/** What a newcomer needs after `npm start`: where it runs and how to sign in. */
function printBanner(admin: AdminBootstrap, database: Database, port: number): void {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `  Benefit-linkage ledger is running at ${base}`,
    webConsoleDir()
      ? `  Web console: ${base}/   (sign in with the admin token below)`
      : '  Web console: not built (run `npm run build`)',
    `  API docs:  ${base}/api/docs      health: ${base}/health`,
    `  Database:  ${database.isEmbedded ? 'embedded PostgreSQL (LEDGER_DATA_DIR)' : 'DATABASE_URL'}`,
  ];
  if (admin.source.kind === 'generated') {
    lines.push(`  Admin token (shown once, kept in ${admin.source.path}):`, `    ${admin.source.token}`);
  } else if (admin.source.kind === 'kept') {
    lines.push(`  Admin token: in ${admin.source.path}`);
  } else {
    lines.push('  Admin token: LEDGER_ADMIN_TOKEN');
  }
  lines.push(`  Try: curl -H "Authorization: Bearer <token>" ${base}/v1/households/<id>`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
