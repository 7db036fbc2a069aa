/**
 * Errors that mean "the database cannot be reached right now", not "this request is wrong": the
 * server shut down or restarted (SQLSTATE class 08, 57P01-57P03), refused or reset the connection,
 * or the pool timed out waiting for one. The HTTP layer answers these with 503 and Retry-After.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const { code, syscall, message, cause } = current as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') {
      if (SQLSTATES.has(code) || code.startsWith('08') || NODE_CODES.has(code)) return true;
      // a Unix socket that is gone while the server restarts
      if (code === 'ENOENT' && syscall === 'connect') return true;
    }
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    current = cause;
  }
  return false;
}
