import type { EventEmitter } from 'node:events';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { Database } from '@ledger/runtime';
import type { CommandMetadata, StreamWriter } from '../../common/stream-writer';
import { rowCommandId, type ImportProgress, type ImportRequest } from '../import-request';
import type { Counters, ImportPhase, ImportStore, StoredRowError } from '../import-store';
import { LinkageDirectory } from '../linkage-directory';
import { cellAsWritten } from '../roster/cells';
import { openRoster, type Roster } from '../roster/roster-reader';
import { rosterRecords, type RosterHeader, type RosterRecord } from '../roster/roster-table';
import { RosterFileError } from '../roster/text-decoding';
import { ROW_KINDS } from '../rows/row-kinds';
import type { RowContext, RowKind, RowProblem } from '../rows/row-plan';
import { StreamBatches } from '../stream-batches';
import { validationPass } from './validation-pass';
import { writePass } from './write-pass';

/** Events appended in one call (many streams' rows in one statement and round trip). */
const EVENTS_PER_APPEND = 2_000;
/** Streams whose state the write pass keeps between batches (the rest are read again when next needed). */
const STREAMS_KEPT = 2_000;
/** How often a running import saves its counters, so its status can be read while it runs. */
const PROGRESS_EVERY_MS = 500;
const FLUSH_ROWS = 500;
/** Rows (errors or written) waiting for a save, beyond which the pass waits for the save in flight. */
const WAITING_MAX = 4 * FLUSH_ROWS;

/** What a run needs of the importer that started it. */
export interface ImportRunDeps {
  streams: StreamWriter;
  database: Database;
  eventStore: EventStore;
  store: ImportStore;
}

/**
 * One run of one import: the validation pass (validation-pass.ts), then (a commit without bad rows)
 * the write pass (write-pass.ts). The run holds what both passes share: the file's rows as read,
 * the counters, and the errors and written rows waiting to be saved.
 */
export class ImportRun {
  readonly counters: Counters = { rows: 0, accepted: 0, rejected: 0, written: 0 };
  private phase: ImportPhase = 'validating';
  readonly rows: RowKind<unknown>;
  readonly directory: LinkageDirectory;
  readonly store: ImportStore;
  private errorSeq = 0;
  header: RosterHeader | undefined;
  fileProblems = 0;
  flushing: Promise<void> = Promise.resolve();
  pendingErrors: StoredRowError[] = [];
  pendingWritten: { row: number; id: string; position: number }[] = [];
  private lastSaved = 0;
  private saving = false;
  private saveFailure: Error | undefined;
  roster: Roster | undefined;
  private totalRows: number | undefined;
  private readonly issuedAt = new Date().toISOString();
  /** The write pass's appender (a commit only); validation hands it the streams as it read them. */
  readonly writer: StreamBatches | undefined;

  constructor(
    readonly deps: ImportRunDeps,
    readonly request: ImportRequest,
    readonly job: {
      id: string;
      sha256: string;
      paramsKey: string;
      basisCaller: string;
      emitter: EventEmitter;
    },
  ) {
    const { streams, database, eventStore } = deps;
    this.rows = ROW_KINDS[request.kind];
    this.directory = new LinkageDirectory(streams, database.pool, eventStore);
    this.store = deps.store;
    this.writer = request.dryRun
      ? undefined
      : new StreamBatches(streams, {
          keep: STREAMS_KEPT,
          eventsPerAppend: EVENTS_PER_APPEND,
          ownEvent: (e) => this.isOwn(e),
        });
  }

  async execute(): Promise<void> {
    try {
      await this.passes();
    } catch (error) {
      // A save started in the background must not land after the importer has recorded the failure.
      await this.flushing.catch(() => undefined);
      throw error;
    }
  }

  private async passes(): Promise<void> {
    const { id } = this.job;
    const valid = await validationPass(this);
    if (this.request.dryRun) {
      await this.flush(true);
      await this.store.finish(id, 'validated', this.counters);
      return;
    }
    if (!valid) {
      await this.flush(true);
      await this.store.finish(id, 'rejected', this.counters);
      return;
    }
    this.phase = 'writing';
    this.totalRows = this.counters.rows;
    await this.flush(true);
    const position = await writePass(this);
    await this.flush(true);
    if (position === 'failed') return;
    await this.store.finish(id, 'committed', this.counters, { position });
  }

  /** An event one of this file's rows may have written (only those can be an earlier run's rows). */
  isOwn(event: RecordedEvent): boolean {
    const source = event.metadata.source as { sha256?: unknown } | undefined;
    return source?.sha256 === this.job.sha256;
  }

  private metadata(row: number): CommandMetadata {
    const { id, sha256, paramsKey, basisCaller } = this.job;
    return {
      actor: this.request.actor,
      commandId: rowCommandId(basisCaller, sha256, this.request.kind, paramsKey, row),
      issuedAt: this.issuedAt,
      correlationId: this.request.correlationId ?? id,
      causationId: `${id}#${row}`,
      source: { importId: id, file: this.request.fileName, sha256, row },
    };
  }

  context(row: number): RowContext {
    return {
      actor: this.request.actor,
      params: this.request.params,
      directory: this.directory,
      metadata: this.metadata(row),
    };
  }

  /** Opens the roster and yields its data rows; file and header problems become errors. */
  async *records(): AsyncIterable<RosterRecord> {
    this.header = undefined;
    const onHeader = (header: RosterHeader) => {
      this.header = header;
      for (const p of header.map.problems) this.fileError(header.row, p.column, p.code, p.en, p.zh);
    };
    try {
      this.roster = await openRoster(this.request.filePath, {
        fileName: this.request.fileName,
        sheet: this.request.sheet,
      });
      yield* rosterRecords(this.roster.lines(), this.request.kind, onHeader);
    } catch (error) {
      if (!(error instanceof RosterFileError)) throw error;
      this.fileError(0, '', error.code, error.message, error.zh);
      return;
    }
    if (!this.header) {
      this.fileError(
        1,
        '',
        'IMPORT.NO_HEADER',
        'The file has no header row and no rows.',
        '文件没有表头，也没有数据行。',
      );
    }
  }

  fileError(row: number, column: string, code: string, en: string, zh: string): void {
    this.fileProblems += 1;
    this.pendingErrors.push({ row, column, value: '', code, en, zh });
  }

  /** Problems of one row, as reported: the header as written, the value as written. */
  rowErrors(record: RosterRecord, problems: readonly RowProblem[]): void {
    for (const p of problems) this.pendingErrors.push(this.stored(record, p));
  }

  stored(record: RosterRecord, p: RowProblem): StoredRowError {
    return {
      row: record.row,
      column: this.header?.map.written.get(p.column) ?? p.column,
      value: record.has(p.column) ? cellAsWritten(record.get(p.column)) : '',
      code: p.code,
      en: p.en,
      zh: p.zh,
    };
  }

  private progress(): ImportProgress {
    return {
      id: this.job.id,
      phase: this.phase,
      ...this.counters,
      ...(this.totalRows === undefined ? {} : { totalRows: this.totalRows }),
      bytesRead: this.roster?.bytesRead() ?? 0,
      size: this.roster?.size ?? 0,
    };
  }

  /**
   * Reports progress and, every `FLUSH_ROWS` rows or `PROGRESS_EVERY_MS`, starts a save without
   * waiting for it, so that the write pass's next append goes on meanwhile. One save at a time, each
   * taking everything pending. Answers the save in flight once `WAITING_MAX` rows wait, for the
   * caller to hold back (memory stays bounded when saves are slower than rows). Throws the error of
   * a save that failed, so the pass stops at once rather than at its final, awaited `flush`.
   */
  maybeSave(): Promise<void> | undefined {
    if (this.saveFailure) throw this.saveFailure;
    this.job.emitter.emit('rows', this.counters.rows);
    this.request.onProgress?.(this.progress());
    const waiting = Math.max(this.pendingErrors.length, this.pendingWritten.length);
    if (!this.saving && (waiting >= FLUSH_ROWS || Date.now() - this.lastSaved >= PROGRESS_EVERY_MS)) {
      this.saving = true;
      this.flush(false)
        .catch((error: Error) => (this.saveFailure ??= error))
        .finally(() => (this.saving = false));
    }
    return waiting >= WAITING_MAX ? this.flushing : undefined;
  }

  /** Saves errors, written rows and counters, so a running import can be read; one save at a time. */
  flush(final: boolean): Promise<void> {
    this.lastSaved = Date.now();
    this.flushing = this.flushing.then(() => this.save(final));
    return this.flushing;
  }

  private async save(final: boolean): Promise<void> {
    const errors = this.pendingErrors;
    this.pendingErrors = [];
    const written = this.pendingWritten;
    this.pendingWritten = [];
    await this.store.addErrors(this.job.id, this.errorSeq, errors);
    this.errorSeq += errors.length;
    await this.store.addWritten(this.job.id, written);
    await this.store.progress(this.job.id, this.phase, this.counters);
    if (final) this.request.onProgress?.(this.progress());
  }
}
