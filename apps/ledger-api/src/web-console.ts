import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import expressStaticGzip from 'express-static-gzip';

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
  // The build made .br and .gz copies of every asset: send the smallest the browser accepts, as is.
  app.use(
    expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: 'index.html',
      serveStatic: {
        fallthrough: true,
        redirect: false,
        // The hashed assets (assets/, named by their content) never change; the pages and the files
        // kept under their own names (favicon.svg, old-phone-link.js) may, after every build.
        setHeaders: (res, path) => {
          res.setHeader(
            'Cache-Control',
            path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      },
    }),
  );
  return dir;
}
