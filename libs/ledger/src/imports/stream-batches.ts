import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@ledger/event-store';
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
  /** Command ids already recorded in the stream (rows an earlier run of this import wrote, among others). */
  commandIds: Set<string>;
}

/** How many times a stream's batch is re-read and re-decided after losing a race to another writer. */
const MAX_ATTEMPTS = 5;

/**
 * The importer's write pass: rows collected per stream are decided in memory with the very decide
 * function (and the same metadata and event ids) their command's handler would use, then appended
 * with one `appendToStream` per stream and batch, expecting the revision the stream was read at.
 * Several streams are written at once; one stream's rows keep their file order. Streams last
 * written are kept (state, revision, command ids) for the next batch, up to `keep` of them, the
 * least recently written dropped first, so memory does not grow with the number of streams.
 *
 * A row whose command id the stream already holds (written by an earlier, interrupted run of the
 * same import) is not decided again: it reports what it wrote then. A lost race (someone else
 * appended meanwhile) re-reads the stream and decides its rows again.
 */
export class StreamBatches {
  private readonly known = new Map<string, KnownStream>();

  constructor(
    private readonly streams: StreamWriter,
    private readonly store: EventStore,
    private readonly options: { concurrency: number; keep: number },
  ) {}

  /**
   * A stream as validation read it, so the first batch need not read it again (up to `keep` of
   * them). Should someone write to it in between, its append fails and the stream is read again.
   */
  seed(streamId: string, stream: KnownStream): void {
    if (this.known.size < this.options.keep) this.known.set(streamId, stream);
  }

  /**
   * Writes one batch: every stream's rows, `concurrency` streams at a time. `written` is told what
   * each stream's append wrote. After a failure no further stream starts; the first failure is
   * rethrown once the streams already running have finished.
   */
  async write(
    batch: ReadonlyMap<string, readonly PlannedRow[]>,
    written: (rows: RowWritten[]) => Promise<void> | void,
  ): Promise<void> {
    const queue = [...batch];
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      for (;;) {
        const next = failure ? undefined : queue.shift();
        if (!next) return;
        try {
          await written(await this.writeStream(next[0], next[1]));
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, queue.length) }, worker));
    if (failure) throw failure.error;
  }

  private async writeStream(streamId: string, rows: readonly PlannedRow[]): Promise<RowWritten[]> {
    for (let attempt = 1; ; attempt++) {
      const cached = this.known.get(streamId);
      // A cached stream will do unless one of these rows is on record already (a resumed import).
      const usable = cached && !rows.some((r) => cached.commandIds.has(r.plan.command.metadata.commandId));
      const { stream, recorded } = usable
        ? { stream: cached, recorded: undefined }
        : await this.read(streamId, rows[0].plan);
      this.known.delete(streamId);

      let state = stream.state;
      const events: NewEvent[] = [];
      const appended: { row: number; id: string }[] = [];
      const already: RowWritten[] = [];
      for (const planned of rows) {
        const { plan, record } = planned;
        const commandId = plan.command.metadata.commandId;
        const earlier = recorded?.get(commandId);
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
        stream.commandIds.add(commandId);
      }
      if (events.length === 0) {
        this.remember(streamId, { ...stream, state });
        return already;
      }
      try {
        const result = await this.store.appendToStream(
          streamId,
          events,
          stream.revision < 0 ? 'no_stream' : stream.revision,
        );
        this.remember(streamId, { state, revision: result.nextExpectedRevision, commandIds: stream.commandIds });
        return [...already, ...appended.map((a) => ({ ...a, position: result.position }))];
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw conflict(
            'LEDGER.CONCURRENT_WRITE',
            `Someone else kept changing ${streamId} while the roster was imported; run the import again to resume it.`,
            `导入期间他人不断修改 ${streamId}，请重新运行导入以续传。`,
          );
        }
      }
    }
  }

  /** The stream as stored, and its events by the command that wrote them. */
  private async read(
    streamId: string,
    plan: RowPlan,
  ): Promise<{ stream: KnownStream; recorded: Map<string, RecordedEvent[]> }> {
    const { state, revision, events } = await this.streams.read(streamId, plan.evolver);
    const recorded = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      const commandId = e.metadata.commandId;
      if (typeof commandId !== 'string') continue;
      const list = recorded.get(commandId);
      if (list) list.push(e);
      else recorded.set(commandId, [e]);
    }
    return { stream: { state, revision, commandIds: new Set(recorded.keys()) }, recorded };
  }

  private remember(streamId: string, stream: KnownStream): void {
    this.known.set(streamId, stream);
    // A Map iterates in insertion order: the first key is the stream written longest ago.
    while (this.known.size > this.options.keep) this.known.delete(this.known.keys().next().value!);
  }
}
