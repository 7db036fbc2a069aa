import { Inject, Injectable } from '@nestjs/common';
import {
  canonicalJson,
  EVENT_STORE,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@ledger/event-store';
import type { Actor } from './actor';
import type { CommandContext, DomainEvent, Evolver } from './decider';
import { conflict, refuse } from './domain-error';
import { eventDataProblem } from './event-domain';
import { FoldedStreams, foldedBytes, type FoldedStream } from './folded-streams';
import { nameBasedUuid } from './ids';
import { currentVersion, upcast } from './upcasting';
import { ledgerUpcasters } from '../ledger-upcasters';
import { withCommandKeys } from '../personal-data/command-keys';

/** Who, where and why, recorded on every event a command appends. */
export interface CommandMetadata extends CommandContext {
  actor: Actor;
  /** Township the write concerns (for audit and for clerks' scoping). */
  township?: string;
  correlationId: string;
  /** The message that caused the command: a request id, an import row. */
  causationId?: string;
  /** Extra provenance, e.g. the roster file an import row came from. */
  source?: Record<string, unknown>;
}

export interface StreamState<State> {
  state: State;
  /** Revision of the last event, -1 when the stream is empty. */
  revision: number;
  events: RecordedEvent[];
}

export interface Decided<Event extends DomainEvent> {
  events: Event[];
  /** Global position of the last event written (or of the original write, on a replay). */
  position: number;
  /** True when the command had already been applied and nothing new was written. */
  replayed: boolean;
}

/**
 * Metadata that depends on the stream, computed from the state `decide` folds anyway: the township a
 * lease or an employment concerns is fixed when its stream began, so a handler takes it from there
 * instead of reading the stream a second time before deciding (one read per command).
 */
export type MetadataFromState<State> = (state: State) => Pick<CommandMetadata, 'township'>;

/** How many times a command is re-decided after losing a race to a concurrent writer. */
const MAX_ATTEMPTS = 5;

/** An attempt whose append lost the race to a concurrent writer: read and decide again. */
const LOST_RACE = Symbol('lost race');

/**
 * The thin part of every command handler: read the stream, fold `evolve`, `decide`, append with the
 * expected revision. A lost race re-reads and decides again, so two clerks paying the same allocation
 * at once cannot both succeed; a command already applied (same command id) answers what it wrote.
 * The read starts where this process last left the stream (`FoldedStreams`), not at its beginning.
 */
@Injectable()
export class StreamWriter {
  protected readonly folded = new FoldedStreams();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Forgets every folded stream: after an erasure, no opened text of the household stays in memory. */
  forgetFolded(): void {
    this.folded.clear();
  }

  /** The stream folded; `from` reads it inside a unit of work (seeing what the unit appended). */
  async read<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
    from: Pick<EventStore, 'readStream'> = this.store,
  ): Promise<StreamState<State>> {
    const events = await from.readStream(streamId);
    let state = evolver.initialState;
    for (const recorded of events) state = evolver.evolve(state, toDomainEvent<Event>(recorded));
    return { state, revision: events.length - 1, events };
  }

  async decide<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
    decide: (state: State) => Event[],
    metadata: CommandMetadata,
    fromState?: MetadataFromState<State>,
  ): Promise<Decided<Event>> {
    for (let attempt = 1; ; attempt++) {
      const decided = await withCommandKeys(() => this.attempt(streamId, evolver, decide, metadata, fromState));
      if (decided !== LOST_RACE) return decided;
      if (attempt >= MAX_ATTEMPTS) {
        throw conflict(
          'LEDGER.CONCURRENT_WRITE',
          'Someone else changed this record at the same moment; please try again.',
          '他人同时修改了此记录，请重试。',
        );
      }
    }
  }

  /** One read-decide-append, in its own scope of household keys (the append reuses the read's). */
  private async attempt<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
    decide: (state: State) => Event[],
    metadata: CommandMetadata,
    fromState?: MetadataFromState<State>,
  ): Promise<Decided<Event> | typeof LOST_RACE> {
    const { folded, read } = await this.current(streamId, evolver);
    const firstRevision = folded?.commands.get(metadata.commandId);
    if (firstRevision !== undefined) return this.replay(streamId, metadata.commandId, firstRevision, read);
    const state = folded?.state ?? evolver.initialState;
    const revision = folded?.revision ?? -1;
    const events = decide(state);
    if (events.length === 0) return { events, position: folded?.lastPosition ?? 0, replayed: false };
    const toAppend = eventsToAppend(streamId, events, fromState ? { ...metadata, ...fromState(state) } : metadata);
    let result: AppendResult;
    try {
      result = await this.store.appendToStream(streamId, toAppend, revision < 0 ? 'no_stream' : revision);
    } catch (error) {
      this.folded.forget(streamId);
      if (error instanceof WrongExpectedRevisionError) return LOST_RACE;
      throw error;
    }
    if (result.nextExpectedRevision !== revision + toAppend.length) {
      // The store found these very events already written (a retry that another process completed
      // after our read): not where we decided them, so answered from the stream, and nothing kept.
      this.folded.forget(streamId);
      return this.replay(streamId, metadata.commandId, 0, []);
    }
    // Kept as a read would give them back: through JSON, as stored (an `undefined` field is absent).
    const texts = toAppend.map((e) => JSON.stringify(e.data));
    const written = toAppend.map((e, i) => ({ type: e.type, data: JSON.parse(texts[i]) as object }) as Event);
    const last = written[written.length - 1];
    this.folded.keep(streamId, {
      evolver,
      state: written.reduce((s, e) => evolver.evolve(s, e), state),
      revision: result.nextExpectedRevision,
      lastEventId: toAppend[toAppend.length - 1].id,
      lastEvent: contentOf(last),
      lastPosition: result.position,
      commands: (folded?.commands ?? new Map<string, number>()).set(flat(metadata.commandId), revision + 1),
      bytes: (folded?.bytes ?? 0) + texts.reduce((sum, text) => sum + foldedBytes(text), 0),
    });
    return { events, position: result.position, replayed: false };
  }

  /**
   * The stream folded to its last event (undefined when it has none), and the events read for it: from
   * where this process last left the stream when the event there is still the one it knew (usually
   * that one row alone), else the whole stream.
   */
  private async current<State, Event extends DomainEvent>(
    streamId: string,
    evolver: Evolver<State, Event>,
  ): Promise<{ folded?: FoldedStream<State, Event>; read: RecordedEvent[] }> {
    const kept = this.folded.get(streamId, evolver);
    if (kept !== undefined) {
      const tail = await this.store.readStream(streamId, { fromRevision: kept.revision });
      const known = tail[0];
      if (known?.id === kept.lastEventId && contentOf(known) === kept.lastEvent) {
        return { folded: this.folding(streamId, kept, tail.slice(1)), read: tail };
      }
      this.folded.forget(streamId);
    }
    const events = await this.store.readStream(streamId);
    if (events.length === 0) return { read: events };
    const empty = {
      evolver,
      state: evolver.initialState,
      revision: -1,
      lastEventId: '',
      lastEvent: '',
      lastPosition: 0,
      bytes: 0,
    };
    return { folded: this.folding(streamId, { ...empty, commands: new Map<string, number>() }, events), read: events };
  }

  /** `folded` advanced by events read after it, kept for the next command. */
  private folding<State, Event extends DomainEvent>(
    streamId: string,
    folded: FoldedStream<State, Event>,
    events: readonly RecordedEvent[],
  ): FoldedStream<State, Event> {
    if (events.length === 0) return folded;
    let state = folded.state;
    let bytes = folded.bytes;
    for (const recorded of events) {
      state = folded.evolver.evolve(state, toDomainEvent<Event>(recorded));
      bytes += foldedBytes(JSON.stringify(recorded.data));
      const commandId = recorded.metadata.commandId;
      if (typeof commandId === 'string' && !folded.commands.has(commandId))
        folded.commands.set(commandId, recorded.revision);
    }
    const last = events[events.length - 1];
    const next = {
      ...folded,
      state,
      revision: last.revision,
      lastEventId: last.id,
      lastEvent: contentOf(last),
      lastPosition: last.position,
      bytes,
    };
    this.folded.keep(streamId, next);
    return next;
  }

  /**
   * What a command already applied wrote (a retry), from the stream itself, never from memory: from the
   * events just read when they reach back to its first event, else read from there. Not there after
   * all (the kept commands ran ahead of a database restored from an older backup): decided again.
   */
  private async replay<Event extends DomainEvent>(
    streamId: string,
    commandId: string,
    firstRevision: number,
    read: readonly RecordedEvent[],
  ): Promise<Decided<Event> | typeof LOST_RACE> {
    const from =
      read.length > 0 && read[0].revision <= firstRevision
        ? read
        : await this.store.readStream(streamId, { fromRevision: firstRevision });
    const already = from.filter((e) => e.metadata.commandId === commandId);
    if (already.length === 0) {
      this.folded.forget(streamId);
      return LOST_RACE;
    }
    return {
      events: already.map((e) => toDomainEvent<Event>(e)),
      position: already[already.length - 1].position,
      replayed: true,
    };
  }
}

/** An event's type and data as one text, whatever the order of its keys: what `lastEvent` compares. */
const contentOf = (event: { type: string; data: unknown }): string => canonicalJson([event.type, event.data]);

/**
 * The string as one flat copy: an id built by slicing and joining (`nameBasedUuid`, `randomUUID`) is a
 * tree of pieces several times its size, and a kept stream holds one per command (measured: ~500 bytes
 * an id as built, ~60 as a copy).
 */
const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/**
 * The events one command appends to a stream, as stored: ids derived from the command id, the
 * stream and the event's index (so a retry re-sends the same ids), and the command's metadata.
 * Every write goes through here: handlers via `decide`, the roster importer's batched write pass.
 */
export function eventsToAppend(
  streamId: string,
  events: readonly DomainEvent[],
  metadata: CommandMetadata,
): NewEvent[] {
  for (const event of events) {
    const problem = eventDataProblem(event.data);
    if (problem) {
      throw refuse(
        'LEDGER.VALUE_OUT_OF_DOMAIN',
        `${event.type} cannot be recorded: ${problem}.`,
        `无法记录 ${event.type}：${problem}。`,
      );
    }
  }
  return events.map((event, index) => ({
    id: nameBasedUuid(metadata.commandId, streamId, String(index)),
    type: event.type,
    data: event.data,
    metadata: toEventMetadata(metadata, currentVersion(ledgerUpcasters, event.type)),
  }));
}

function toEventMetadata(m: CommandMetadata, schemaVersion: number): EventMetadata {
  return {
    userId: m.actor.userId,
    role: m.actor.role,
    ...(m.township === undefined ? {} : { township: m.township }),
    correlationId: m.correlationId,
    ...(m.causationId === undefined ? {} : { causationId: m.causationId }),
    commandId: m.commandId,
    issuedAt: m.issuedAt,
    schemaVersion,
    ...(m.source === undefined ? {} : { source: m.source }),
  };
}

/** A stored event as its domain type, upcast to the current schema. */
export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  const { data } = upcast(
    ledgerUpcasters,
    recorded.type,
    recorded.data as Record<string, unknown>,
    typeof recorded.metadata.schemaVersion === 'number' ? recorded.metadata.schemaVersion : 1,
  );
  return { type: recorded.type, data } as Event;
}
