import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@ledger/event-store';
import type { Actor } from './actor';
import type { CommandContext, DomainEvent, Evolver } from './decider';
import { conflict, refuse } from './domain-error';
import { eventDataProblem } from './event-domain';
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
 */
@Injectable()
export class StreamWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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
    const { state, revision, events: stored } = await this.read(streamId, evolver);
    const already = stored.filter((e) => e.metadata.commandId === metadata.commandId);
    if (already.length > 0) {
      return {
        events: already.map((e) => toDomainEvent<Event>(e)),
        position: already[already.length - 1].position,
        replayed: true,
      };
    }
    const events = decide(state);
    if (events.length === 0) return { events, position: stored[stored.length - 1]?.position ?? 0, replayed: false };
    try {
      const result = await this.store.appendToStream(
        streamId,
        eventsToAppend(streamId, events, fromState ? { ...metadata, ...fromState(state) } : metadata),
        revision < 0 ? 'no_stream' : revision,
      );
      return { events, position: result.position, replayed: false };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return LOST_RACE;
      throw error;
    }
  }
}

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
