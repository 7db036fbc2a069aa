import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Where `npm run build` put the web console (apps/ledger-web → dist/ledger-web), whether this file
 * runs compiled (dist/apps/ledger-api/src) or from source (tests), or where `LEDGER_WEB_DIR` says.
 */
export function webConsoleDir(): string | undefined {
  const candidates = [
    process.env.LEDGER_WEB_DIR,
    join(__dirname, '..', '..', '..', 'ledger-web'),
    join(__dirname, '..', '..', '..', 'dist', 'ledger-web'),
    join(process.cwd(), 'dist', 'ledger-web'),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'index.html')));
}

/**
 * Serves the console's static files at `/` (same origin as the API, so the same tokens work), when
 * it has been built. This is plain Express static middleware, not Nest routes: the token guard does
 * not apply to it, and a path with no file behind it (every API path) falls through to the API.
 */
export function serveWebConsole(app: INestApplication): string | undefined {
  const dir = webConsoleDir();
  if (!dir || app.getHttpAdapter().getType() !== 'express') return undefined;
  (app as NestExpressApplication).useStaticAssets(dir, {
    index: 'index.html',
    fallthrough: true,
    redirect: false,
    // The hashed assets never change; index.html must, after every build.
    setHeaders: (res: { setHeader(name: string, value: string): unknown }, path: string) => {
      res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  return dir;
}
