import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { problemType } from '@ledger/ledger/http/problem-details.filter';

/** SIGTERM must end the process within 10 s; this leaves a second for the embedded database. */
const DRAIN_MS = 7_000;
const HARD_DEADLINE_MS = 9_500;

/**
 * Stopping without losing or half-answering anything: stop accepting connections, answer any new
 * request (also on an open keep-alive connection) with 503 and `Connection: close`, finish the
 * requests in flight and send `Connection: close` with their answers, close connections as they fall
 * idle, then close the app (projections, pool, embedded database) and exit 0. Installed before the
 * routes, so a refused request never reaches a handler: nothing is acknowledged after the signal.
 */
export function installGracefulShutdown(app: INestApplication, log: (message: string) => void): void {
  let draining = false;
  let inFlight = 0;
  // A request counts from the moment its head is parsed (the server's own `request` event, ahead of
  // Express): one whose body is still arriving when the signal comes is in flight, and is finished.
  const startedBeforeSignal = new WeakSet<IncomingMessage>();
  (app.getHttpServer() as Server).prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    if (draining) return; // refused below
    startedBeforeSignal.add(request);
    inFlight += 1;
    response.once('close', () => (inFlight -= 1));
  });

  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (!startedBeforeSignal.has(request)) {
      response.shouldKeepAlive = false;
      response.writeHead(503, { 'Content-Type': 'application/problem+json', 'Retry-After': '5', Connection: 'close' });
      response.end(
        JSON.stringify({
          type: problemType('SERVICE.STOPPING'),
          title: 'Not ready',
          status: 503,
          detail: 'The service is stopping; nothing was recorded. Please send the request again in a moment.',
          code: 'SERVICE.STOPPING',
        }),
      );
      request.resume();
      return;
    }
    // An answer sent after the signal tells the client not to reuse the connection.
    const writeHead = response.writeHead.bind(response);
    response.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
      if (draining) {
        response.shouldKeepAlive = false;
        if (!response.headersSent) response.setHeader('Connection', 'close');
      }
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    next();
  });

  const stop = async (signal: string) => {
    if (draining) return;
    draining = true;
    log(`${signal} received: finishing ${inFlight} request(s) in flight, then stopping`);
    const hard = setTimeout(() => {
      log('shutdown took too long: exiting now');
      process.exit(0);
    }, HARD_DEADLINE_MS);
    hard.unref();
    const server = app.getHttpServer() as Server;
    server.close();
    const started = Date.now();
    while (inFlight > 0 && Date.now() - started < DRAIN_MS) {
      server.closeIdleConnections();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    server.closeAllConnections();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
