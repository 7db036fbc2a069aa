import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { problemType } from '@ledger/ledger/http/problem-details.filter';
import { textProblem } from '@ledger/ledger/primitives/text';

/** Largest JSON body (a request of the contract is a few hundred bytes); larger answers 413. */
export const MAX_JSON_BODY = '1mb';
/** Longest path accepted; ids are under 60 characters, so a longer path names nothing. */
const MAX_PATH_LENGTH = 2048;

/**
 * A path no route could name (a percent-escape that is not UTF-8 such as `%ff`, control characters,
 * lone surrogates, absurd length) is a 404 as the contract says for a malformed id, answered before
 * routing: Express would otherwise fail to decode the parameter and answer its own 400.
 */
function refuseUnnameablePaths(request: Request, response: Response, next: NextFunction): void {
  const path = request.path;
  let decoded: string | undefined;
  try {
    decoded = path.length <= MAX_PATH_LENGTH ? decodeURIComponent(path) : undefined;
  } catch {
    decoded = undefined;
  }
  if (decoded !== undefined && textProblem(decoded) === undefined) return next();
  response
    .status(404)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: problemType('HTTP.404'),
        title: 'Not found',
        status: 404,
        detail: 'No resource has this path.',
      }),
    );
}

/**
 * Security headers (helmet) with a content security policy the web console and Swagger UI live
 * with: scripts only from this origin; inline styles allowed, since Ant Design and Swagger UI set
 * them at run time; images also as data: and blob: URLs (QR codes, charts saved as images). No
 * `X-Powered-By`. `upgrade-insecure-requests` is left out: the service is often reached over plain
 * HTTP on a county's own network, where upgrading would break every asset.
 */
function securityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
}

/**
 * What every request meets before any route: security headers, the path check, and the JSON body
 * limit (Nest's own parser is then not registered). The roster upload has its own limit (20 MB,
 * multer). Errors of the body parser (too large, malformed) reach ProblemDetailsFilter.
 */
export function applyRequestLimits(app: INestApplication): void {
  securityHeaders(app);
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  app.use(refuseUnnameablePaths);
  express.useBodyParser('json', { limit: MAX_JSON_BODY });
  express.useBodyParser('urlencoded', { limit: MAX_JSON_BODY, extended: false });
}
