import type { RecordedEvent } from '@ledger/event-store';
import type { DomainEvent } from '../common/decider';
import { toDomainEvent } from '../common/stream-writer';

/** One parameterised SQL statement a projection wants run for an event. */
export interface Sql {
  text: string;
  values?: unknown[];
}

/**
 * A read model fed from the log: a function from an event to the SQL that applies it. The runner
 * runs those statements in one transaction with the projection's checkpoint, so a crash at any
 * point neither loses nor double-counts an event.
 */
export interface Projection {
  /** Stable name: the checkpoint's key and what `ledger-cli projections rebuild <name>` takes. */
  readonly name: string;
  /** Tables the projection owns, emptied by a rebuild (in this order, so children may come first). */
  readonly tables: readonly string[];
  /** The statements that apply one event; none for events the projection does not care about. */
  apply(event: RecordedEvent): Sql[];
}

/**
 * The recorded event as one of `types` (upcast to the current schema), or undefined when it is of
 * another type: lets a projection switch exhaustively over the events it handles.
 */
export function eventOf<Event extends DomainEvent>(
  recorded: RecordedEvent,
  types: readonly Event['type'][],
): Event | undefined {
  return (types as readonly string[]).includes(recorded.type) ? toDomainEvent<Event>(recorded) : undefined;
}
