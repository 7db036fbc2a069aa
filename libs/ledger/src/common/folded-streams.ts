import type { DomainEvent, Evolver } from './decider';

/** How many streams' folded states one process keeps at most. */
export const FOLDED_STREAMS_KEPT = 20_000;

/**
 * Roughly how much the kept streams may hold in all, counted as the JSON length of their events plus
 * a fixed share per event for its command id and state: bytes, not streams or events, bound the
 * memory, since one event may carry a few fields or a whole dividend list. Enough for a county's
 * linkages with years of payments (the bench's city: 3,200 employments of ~40 wage months, ~40 MB).
 */
export const FOLDED_BYTES_KEPT = 64 * 1024 * 1024;

/** A stream larger than this share of the whole is read whole each time rather than kept. */
export const LARGEST_STREAM_KEPT = FOLDED_BYTES_KEPT / 16;

/** What an event costs besides its JSON: its command id in `commands`, its share of the state. */
const PER_EVENT_BYTES = 160;

/** The weight of an event in the bound: its data's JSON length and the fixed share. */
export const foldedBytes = (dataJson: string): number => dataJson.length + PER_EVENT_BYTES;

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
   * The id of the event at `revision`, and its type and data as canonical JSON (as stored: personal
   * fields opened). The next read starts at that event and checks both, so a stream that no longer
   * holds it is read whole instead of being trusted: a database restored from an older backup and
   * written again, or a household erased since (its fields now read as erased).
   */
  lastEventId: string;
  lastEvent: string;
  /** Its weight in the bound: see `foldedBytes`. */
  bytes: number;
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
  /** What the kept streams weigh, in all. */
  private bytes = 0;

  constructor(
    private readonly streams = FOLDED_STREAMS_KEPT,
    private readonly bytesKept = FOLDED_BYTES_KEPT,
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
    if (folded.bytes > Math.min(LARGEST_STREAM_KEPT, this.bytesKept)) return;
    this.kept.set(streamId, folded);
    this.bytes += folded.bytes;
    while (this.kept.size > this.streams || this.bytes > this.bytesKept) {
      this.forget(this.kept.keys().next().value!);
    }
  }

  forget(streamId: string): void {
    const folded = this.kept.get(streamId);
    if (folded === undefined) return;
    this.kept.delete(streamId);
    this.bytes -= folded.bytes;
  }

  /** Forgets every stream: after an erasure, no process keeps a household's opened text it could drop. */
  clear(): void {
    this.kept.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.kept.size;
  }

  /** What the kept streams weigh, in all. */
  get bytesHeld(): number {
    return this.bytes;
  }
}
