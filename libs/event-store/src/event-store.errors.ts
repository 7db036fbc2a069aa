/** Errors of the event-store port. Adapters translate their drivers' errors into these. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the revision the appender expected: someone else wrote first. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId} expected at ${expected} but is at ${actual}`);
  }
}

/**
 * Part of a batch was already stored under the same ids and part was not, or an id is reused
 * for different content: the caller is not retrying the same append.
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_STORE.EVENT_ID_CONFLICT';
  constructor(
    readonly streamId: string,
    detail: string,
  ) {
    super(`Stream ${streamId}: ${detail}`);
  }
}
