import { setImmediate } from 'node:timers/promises';
import { WrongExpectedRevisionError, type NewEvent, type RecordedEvent, type UnitOfWork } from '@ledger/event-store';
import type { DomainEvent } from '../common/decider';
import { conflict, DomainError } from '../common/domain-error';
import { eventsToAppend, toDomainEvent, type StreamWriter } from '../common/stream-writer';
import type { RosterRecord } from './roster/roster-table';
import type { RowPlan } from './rows/row-plan';

/** A validated row on its way to the ledger. */
export interface PlannedRow {
  record: RosterRecord;
  plan: RowPlan;
}

/** What one row wrote (or an earlier run of the same import had written): the id the API would answer. */
export interface RowWritten {
  row: number;
  id: string;
  /** Global position of the append that holds the row's events (its last event, or a later one of the same batch). */
  position: number;
}

/** A row the ledger refused in the write pass although validation accepted it (the ledger changed meanwhile). */
export class RowRefusedInWrite extends Error {
  constructor(
    readonly planned: PlannedRow,
    readonly error: DomainError,
  ) {
    super(error.message);
  }
}

/** A stream as the write pass last left it (or validation read it): kept, so it is not read again. */
export interface KnownStream {
  state: unknown;
  /** Revision of the last event, -1 when the stream is empty. */
  revision: number;
  /** Command ids of rows an earlier run of this import wrote in the stream (none unless resumed). */
  commandIds: Set<string>;
}

/** How many times one stream's rows are read and decided again after losing a race to another writer. */
const MAX_ATTEMPTS = 5;

/**
 * Streams decided between two turns of the event loop. Deciding is synchronous work; while it runs,
 * the call in flight cannot be written to the database's socket (a call is megabytes, written a
 * socket buffer at a time), so the database would wait for this process.
 */
const STREAMS_BETWEEN_TURNS = 50;

/** One stream's rows of a batch, decided: what to append, and what it leaves the stream as. */
interface Decided {
  streamId: string;
  rows: readonly PlannedRow[];
  /** The stream as it was decided against. */
  base: KnownStream;
  /** Its state once these rows' events are appended. */
  state: unknown;
  events: NewEvent[];
  appended: { row: number; id: string }[];
  /** Rows an earlier run of the import wrote already (a resume). */
  already: RowWritten[];
}

/**
 * The importer's write pass: rows collected per stream are decided in memory with the very decide
 * function (and the same metadata and event ids) their command's handler would use, then appended
 * in a unit of work, many streams in one call (`appendToStreams`, up to `eventsPerAppend` events),
 * each expecting the revision its stream was read at. The next streams are decided while the
 * previous call runs; one stream's rows keep their file order. Streams last written are kept (state
 * and revision) for the next batch, up to `keep` of them, the least recently written dropped first,
 * so memory does not grow with the number of streams.
 *
 * A row whose command id the stream already holds (written by an earlier, interrupted run of the
 * same import, where the store is not atomic) is not decided again: it reports what it wrote then.
 * A lost race (someone else appended meanwhile) re-reads that stream in the unit and decides its
 * rows again.
 */
export class StreamBatches {
  private readonly known = new Map<string, KnownStream>();

  constructor(
    private readonly streams: StreamWriter,
    private readonly options: {
      keep: number;
      eventsPerAppend: number;
      /** Events this import may have written (so a resume recognises its rows); others need not be kept. */
      ownEvent(event: RecordedEvent): boolean;
    },
  ) {}

  /**
   * A stream as validation read it, so the first batch need not read it again (up to `keep` of
   * them). Should someone write to it in between, its append fails and the stream is read again.
   */
  seed(streamId: string, stream: KnownStream): void {
    if (this.known.size < this.options.keep) this.known.set(streamId, stream);
  }

  /**
   * Writes one batch in `unit`: every stream's rows, as few calls as `eventsPerAppend` allows.
   * `written` is told what each call wrote. A row the ledger refuses throws {@link RowRefusedInWrite}.
   */
  async write(
    unit: UnitOfWork,
    batch: ReadonlyMap<string, readonly PlannedRow[]>,
    written: (rows: RowWritten[]) => Promise<void> | void,
  ): Promise<void> {
    const entries = [...batch];
    let sending: Promise<void> = Promise.resolve();
    try {
      for (let next = 0; next < entries.length;) {
        const part: Decided[] = [];
        let events = 0;
        while (next < entries.length && (part.length === 0 || events < this.options.eventsPerAppend)) {
          const [streamId, rows] = entries[next++];
          const decided = await this.decide(unit, streamId, rows);
          part.push(decided);
          events += decided.events.length;
          if (next % STREAMS_BETWEEN_TURNS === 0) await setImmediate();
        }
        await sending;
        sending = this.send(unit, part, written);
        // Handled now: its answer may come while the next streams are decided (they yield to I/O);
        // the next `await sending` still throws its failure.
        sending.catch(() => undefined);
      }
    } catch (error) {
      await sending.catch(() => undefined);
      throw error;
    }
    await sending;
  }

  /** Appends decided streams in one call; a stream that lost a race is read and decided again. */
  private async send(
    unit: UnitOfWork,
    part: Decided[],
    written: (rows: RowWritten[]) => Promise<void> | void,
  ): Promise<void> {
    const attempts = new Map<string, number>();
    for (;;) {
      const appending = part.filter((d) => d.events.length > 0);
      try {
        const results = await unit.appendToStreams(
          appending.map((d) => ({
            streamId: d.streamId,
            events: d.events,
            expectedRevision: d.base.revision < 0 ? 'no_stream' : d.base.revision,
          })),
        );
        const rows: RowWritten[] = [];
        for (const d of part) {
          rows.push(...d.already);
          const at = appending.indexOf(d);
          const result = at < 0 ? undefined : results[at];
          this.remember(d.streamId, {
            state: d.state,
            revision: result ? result.nextExpectedRevision : d.base.revision,
            commandIds: d.base.commandIds,
          });
          if (result) rows.push(...d.appended.map((a) => ({ ...a, position: result.position })));
        }
        await written(rows);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const { streamId } = error;
        const tries = (attempts.get(streamId) ?? 1) + 1;
        attempts.set(streamId, tries);
        if (tries > MAX_ATTEMPTS) {
          throw conflict(
            'LEDGER.CONCURRENT_WRITE',
            `Someone else kept changing ${streamId} while the roster was imported; run the import again.`,
            `导入期间他人不断修改 ${streamId}，请重新运行导入。`,
          );
        }
        const at = part.findIndex((d) => d.streamId === streamId);
        this.known.delete(streamId);
        part[at] = await this.decide(unit, streamId, part[at].rows);
      }
    }
  }

  /** Decides one stream's rows against the stream as kept, or as read in the unit. */
  private async decide(unit: UnitOfWork, streamId: string, rows: readonly PlannedRow[]): Promise<Decided> {
    const cached = this.known.get(streamId);
    // A kept stream will do unless one of these rows is on record already (a resumed import).
    const usable = cached && !rows.some((r) => cached.commandIds.has(r.plan.command.metadata.commandId));
    const { stream, recorded } = usable
      ? { stream: cached, recorded: undefined }
      : await this.read(unit, streamId, rows[0].plan);

    let state = stream.state;
    const events: NewEvent[] = [];
    const appended: { row: number; id: string }[] = [];
    const already: RowWritten[] = [];
    for (const planned of rows) {
      const { plan, record } = planned;
      const earlier = recorded?.get(plan.command.metadata.commandId);
      if (earlier) {
        already.push({
          row: record.row,
          id: plan.resultId(earlier.map((e) => toDomainEvent(e))),
          position: earlier[earlier.length - 1].position,
        });
        continue;
      }
      let decided: DomainEvent[];
      try {
        decided = plan.decide(state);
      } catch (error) {
        if (error instanceof DomainError) throw new RowRefusedInWrite(planned, error);
        throw error;
      }
      const township = plan.township(state);
      events.push(...eventsToAppend(streamId, decided, { ...plan.command.metadata, township }));
      for (const event of decided) state = plan.evolver.evolve(state, event);
      appended.push({ row: record.row, id: plan.resultId(decided) });
    }
    return { streamId, rows, base: stream, state, events, appended, already };
  }

  /** The stream as the unit sees it, and this import's events in it by the command that wrote them. */
  private async read(
    unit: UnitOfWork,
    streamId: string,
    plan: RowPlan,
  ): Promise<{ stream: KnownStream; recorded: Map<string, RecordedEvent[]> }> {
    const { state, revision, events } = await this.streams.read(streamId, plan.evolver, unit);
    const recorded = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      const commandId = e.metadata.commandId;
      if (typeof commandId !== 'string' || !this.options.ownEvent(e)) continue;
      const list = recorded.get(commandId);
      if (list) list.push(e);
      else recorded.set(commandId, [e]);
    }
    return { stream: { state, revision, commandIds: new Set(recorded.keys()) }, recorded };
  }

  private remember(streamId: string, stream: KnownStream): void {
    this.known.delete(streamId);
    this.known.set(streamId, stream);
    // A Map iterates in insertion order: the first key is the stream written longest ago.
    while (this.known.size > this.options.keep) this.known.delete(this.known.keys().next().value!);
  }
}
