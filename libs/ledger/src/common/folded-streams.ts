import type { DomainEvent, Evolver } from './decider';

/** How many streams' folded states one process keeps at most. */
export const FOLDED_STREAMS_KEPT = 5_000;

/**
 * How many events the kept streams may hold in all: a stream's state and its command ids grow with
 * its events (a few hundred bytes each), so this, not the count of streams, bounds the memory (~20 MB).
 */
export const FOLDED_EVENTS_KEPT = 100_000;

/** A stream longer than this is read whole each time rather than kept (its command ids alone grow large). */
export const LONGEST_STREAM_KEPT = 2_000;

/**
 * A stream folded up to `revision`, as this process last read or wrote it. Events are never changed
 * or removed, so the state at a revision is the same whoever asks; what may have happened since is
 * more events, which the next command reads from `revision` on and folds in.
 */
export interface FoldedStream<State, Event extends DomainEvent> {
  evolver: Evolver<State, Event>;
  state: State;
  revision: number;
  /**
   * The id of the event at `revision`. The next read starts at that event and checks its id, so a
   * stream that no longer holds it (a database restored from an older backup, then written again) is
   * read whole instead of being trusted.
   */
  lastEventId: string;
  /** Global position of that event (what a command that writes nothing answers). */
  lastPosition: number;
  /**
   * Every command that wrote to the stream, with the revision of its first event: a retry is answered
   * by reading from there. Only ever added to, so an entry may know of a command written after its
   * own revision: that retry is still answered from the stream, never from memory.
   */
  commands: Map<string, number>;
}

/**
 * The streams one process has folded lately, least recently used first out (issue 20: the command
 * path). A command then reads only the events after the last one it knows, usually that one alone,
 * instead of the whole stream: years of monthly wages are one row, not forty. Nothing is decided on
 * the kept state alone: the append still carries the expected revision, so a write by another
 * process in between loses the race and the command is decided again from a whole read.
 */
export class FoldedStreams {
  private readonly kept = new Map<string, FoldedStream<unknown, DomainEvent>>();
  /** Events the kept streams hold, in all. */
  private events = 0;

  constructor(
    private readonly streams = FOLDED_STREAMS_KEPT,
    private readonly eventsKept = FOLDED_EVENTS_KEPT,
  ) {}

  /** The stream's kept state, if it was folded by this same evolver (a stream may be read as several). */
  get<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
  ): FoldedStream<State, Event> | undefined {
    const folded = this.kept.get(streamId);
    if (folded === undefined || folded.evolver !== (evolver as unknown)) return undefined;
    this.kept.delete(streamId);
    this.kept.set(streamId, folded);
    return folded as unknown as FoldedStream<State, Event>;
  }

  keep<State, Event extends DomainEvent>(streamId: string, folded: FoldedStream<State, Event>): void {
    this.forget(streamId);
    if (folded.revision >= LONGEST_STREAM_KEPT) return;
    this.kept.set(streamId, folded);
    this.events += folded.revision + 1;
    while (this.kept.size > this.streams || this.events > this.eventsKept) {
      this.forget(this.kept.keys().next().value!);
    }
  }

  forget(streamId: string): void {
    const folded = this.kept.get(streamId);
    if (folded === undefined) return;
    this.kept.delete(streamId);
    this.events -= folded.revision + 1;
  }

  /** Forgets every stream: after an erasure, no process keeps a household's opened text it could drop. */
  clear(): void {
    this.kept.clear();
    this.events = 0;
  }

  get size(): number {
    return this.kept.size;
  }

  /** Events the kept streams hold, in all. */
  get eventsHeld(): number {
    return this.events;
  }
}
