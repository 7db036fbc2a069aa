/**
 * Why a projection could not apply a page: the error of one projection, named, so that the runner
 * holds back (and parks) that projection alone while the others go on.
 */
export class ProjectionFailure extends Error {
  constructor(
    readonly projection: string,
    override readonly cause: unknown,
  ) {
    super(`${projection}: ${messageOf(cause)}`);
    this.name = 'ProjectionFailure';
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Every projection failure inside what a page's commits threw (one, or several at once). */
export function failuresOf(error: unknown): ProjectionFailure[] {
  if (error instanceof ProjectionFailure) return [error];
  if (error instanceof AggregateError) return error.errors.flatMap(failuresOf);
  return [];
}

/**
 * PostgreSQL error classes that say nothing about the event: the connection was lost or refused
 * (class 08, 57P01-57P03 shutdown, 53300 too many connections), or a concurrent transaction got in
 * the way (40001 serialization failure, 40P01 deadlock, 55P03 lock not available).
 */
const CONNECTION_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
]);
const CONTENTION_CODES = new Set(['40001', '40P01', '55P03']);

/**
 * `connection`: the database is unreachable (retried with backoff for as long as it lasts: parking
 * every projection during an outage would leave them all needing a rebuild for nothing);
 * `contention`: retried a few times, then the projection parks; undefined: the event itself is at
 * fault (bad data, a bug), which no retry mends.
 */
export function transientKind(error: unknown): 'connection' | 'contention' | undefined {
  const cause = error instanceof ProjectionFailure ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') {
    if (CONTENTION_CODES.has(code)) return 'contention';
    if (CONNECTION_CODES.has(code) || code.startsWith('08')) return 'connection';
  }
  const message = messageOf(cause);
  if (/Connection terminated|connection (?:is )?closed|Client has encountered a connection error/i.test(message)) {
    return 'connection';
  }
  return undefined;
}
