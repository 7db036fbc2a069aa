import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { EventEmitter } from 'node:events';
import type { PoolClient } from 'pg';
import { EVENT_STORE, type EventStore, type RecordedEvent, type UnitOfWork } from '@ledger/event-store';
import { Database } from '@ledger/runtime';
import { forbidden, refuse, DomainError } from '../common/domain-error';
import type { Actor } from '../common/actor';
import type { DomainEvent } from '../common/decider';
import { nameBasedUuid } from '../common/ids';
import { StreamWriter, type CommandMetadata } from '../common/stream-writer';
import { dividend } from '../dividends/dividend.state';
import { entity } from '../entities/entity.state';
import { BadInputException } from '../http/problem-details.filter';
import { textProblem } from '../shared/text';
import { KIND_PARAM, KIND_TITLE, type ImportKind, type ImportParams } from './import-kinds';
import { ImportStore, type Counters, type ImportPhase, type StoredRowError } from './import-store';
import { mapConcurrently } from './concurrently';
import type { ImportReport } from './import-report.view';

export type { ImportReport } from './import-report.view';
import { failIfOrphaned, holdImportRun } from './interrupted-imports';
import { LinkageDirectory } from './linkage-directory';
import { cellAsWritten } from './roster/cells';
import { openRoster, type Roster } from './roster/roster-reader';
import { rosterRecords, type RosterHeader, type RosterRecord } from './roster/roster-table';
import { RosterFileError } from './roster/text-decoding';
import { dividendRows } from './rows/dividend-rows';
import { employmentRows } from './rows/employment-rows';
import { entityRows } from './rows/entity-rows';
import { leaseRows } from './rows/lease-rows';
import { loanRepaymentRows } from './rows/loan-repayment-rows';
import { loanRows } from './rows/loan-rows';
import { stakeRows } from './rows/stake-rows';
import { purchaseRows } from './rows/purchase-rows';
import { householdRegisterRows } from './rows/household-register-rows';
import { rentRows } from './rows/rent-rows';
import {
  columnOfRefusal,
  RowRefusal,
  type RowContext,
  type RowKind,
  type RowPlan,
  type RowProblem,
} from './rows/row-plan';
import { wageRows } from './rows/wage-rows';
import { distributionRows } from './rows/distribution-rows';
import { distribution } from '../collectives/distribution.state';
import { RowRefusedInWrite, StreamBatches, type PlannedRow, type RowWritten } from './stream-batches';

const ROW_KINDS: Record<ImportKind, RowKind<unknown>> = {
  wages: wageRows,
  dividends: dividendRows,
  rents: rentRows,
  households: householdRegisterRows,
  employments: employmentRows,
  purchases: purchaseRows,
  entities: entityRows,
  stakes: stakeRows,
  leases: leaseRows,
  loans: loanRows,
  'loan-repayments': loanRepaymentRows,
  distributions: distributionRows,
};

/** Rows planned, and their streams read, at once in the validation pass. */
const VALIDATE_WINDOW_ROWS = 2_000;
/** Lookups and stream reads running at once. */
const READ_CONCURRENCY = 8;
/**
 * Rows read before they are written, as one append per stream: more rows, fewer and longer appends
 * (each stream's append has a fixed cost on the server), but more memory held while they are written.
 */
const WRITE_BATCH_ROWS = 5_000;
/** Events appended in one call (many streams' rows in one statement and round trip). */
const EVENTS_PER_APPEND = 2_000;
/** Streams whose state the write pass keeps between batches (the rest are read again when next needed). */
const STREAMS_KEPT = 2_000;
/** How often a running import saves its counters, so its status can be read while it runs. */
const PROGRESS_EVERY_MS = 500;
const FLUSH_ROWS = 500;
/** Errors reported in a JSON answer; errors.csv has them all. */
export const ERRORS_IN_REPORT = 1000;

export interface ImportRequest {
  kind: ImportKind;
  params: ImportParams;
  dryRun: boolean;
  /** The uploaded file on disk (the importer streams it, twice for a commit). */
  filePath: string;
  /** The name it was uploaded under (provenance, and its extension helps tell the format). */
  fileName: string;
  /** xlsx: the sheet to read (the first otherwise). */
  sheet?: string;
  actor: Actor;
  correlationId?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  id: string;
  phase: ImportPhase;
  rows: number;
  accepted: number;
  rejected: number;
  written: number;
  /** Data rows in the file, known once validation has read it all. */
  totalRows?: number;
  bytesRead: number;
  size: number;
}

/** A running import: its id at once, its report when done. */
export interface ImportJob {
  id: string;
  done: Promise<ImportReport>;
  /** Resolves once the import has read more than `rows` rows, or is done. */
  whenPast(rows: number): Promise<void>;
}

/** Thrown to stop a commit at a row the ledger refused although validation accepted it. */
class CommitRefused extends Error {
  constructor(
    readonly row: number,
    readonly problem: StoredRowError,
  ) {
    super(problem.en);
  }
}

/** What, besides the bytes, makes two imports the same: the kind's parameter, and the sheet read. */
export const paramsKeyOf = (kind: ImportKind, params: ImportParams, sheet?: string): string => {
  const name = KIND_PARAM[kind];
  const parts = name ? [`${name}=${params[name] ?? ''}`] : [];
  if (sheet !== undefined) parts.push(`sheet=${sheet}`);
  return parts.join('&');
};

/**
 * The command id of one row of one file: the same caller, bytes, kind, parameters and row always
 * give the same id, so the stream writer recognises a row already written (a re-run, a resume after
 * a crash) and writes it once only.
 */
export const rowCommandId = (
  callerId: string,
  sha256: string,
  kind: ImportKind,
  paramsKey: string,
  row: number,
): string => nameBasedUuid('import-row', callerId, sha256, kind, paramsKey, String(row));

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Imports rosters: validates every row with the ledger's own decide functions (against each
 * stream's state plus what the file's earlier rows would write, in memory), then, for a commit
 * without a single bad row, decides every row again the same way and appends each stream's rows in
 * batches (StreamBatches): the events, their ids and metadata exactly as the row's command handler
 * would write them, with an id derived from the file and the row and the file's provenance on
 * every event.
 */
@Injectable()
export class Importer {
  private readonly logger = new Logger('Importer');
  private readonly store: ImportStore;

  constructor(
    private readonly streams: StreamWriter,
    private readonly database: Database,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {
    this.store = new ImportStore(database.pool);
  }

  get records(): ImportStore {
    return this.store;
  }

  /** Checks the request, recognises a duplicate or a commit to resume, and starts the import. */
  async start(request: ImportRequest): Promise<ImportJob> {
    const { actor, kind, params } = request;
    if (actor.role !== 'admin' && actor.role !== 'clerk') {
      throw forbidden(
        'AUTH.READ_ONLY_ROLE',
        `The ${actor.role} role cannot import rosters.`,
        '只有管理员和经办人可以导入名册。',
      );
    }
    await this.checkParams(kind, params, { sheet: request.sheet, file: request.fileName });
    const sha256 = await sha256Of(request.filePath);
    const paramsKey = paramsKeyOf(kind, params, request.sheet);
    const emitter = new EventEmitter();
    let rowsSeen = 0;
    emitter.on('rows', (n: number) => (rowsSeen = n));

    // A commit holds the file's lock while it runs: a second upload of the same bytes waits for
    // it, then finds it committed (a duplicate) or half-done (and resumes it).
    // Every run also holds a lock on its own id (see interrupted-imports.ts): a dry run takes a
    // connection for it, a commit takes it on the file lock's.
    const lock = request.dryRun ? await this.database.pool.connect() : await this.lockFile(kind, paramsKey, sha256);
    try {
      const committed = await this.store.committed(kind, paramsKey, sha256);
      if (committed) {
        const id = `import-${randomUUID()}`;
        await this.store.create({
          id,
          callerId: actor.userId,
          callerRole: actor.role,
          kind,
          params,
          paramsKey,
          dryRun: request.dryRun,
          fileName: request.fileName,
          sha256,
          status: 'duplicate',
          duplicateOf: committed.id,
          rows: committed.rows,
        });
        await this.releaseLock(lock);
        const done = this.report(id, 'zh');
        return { id, done, whenPast: () => done.then(() => undefined) };
      }
      const unfinished = await this.store.unfinished(kind, paramsKey, sha256);
      // Row command ids derive from whoever started the commit, so a resume recognises its rows.
      const basisCaller = unfinished?.callerId ?? actor.userId;
      let id: string;
      if (unfinished && !request.dryRun) {
        id = unfinished.id;
        await holdImportRun(lock, id);
        await this.store.restart(id);
      } else {
        id = `import-${randomUUID()}`;
        await holdImportRun(lock, id);
        await this.store.create({
          id,
          callerId: actor.userId,
          callerRole: actor.role,
          kind,
          params,
          paramsKey,
          dryRun: request.dryRun,
          fileName: request.fileName,
          sha256,
          status: 'processing',
        });
      }
      const run = new ImportRun(this, request, { id, sha256, paramsKey, basisCaller, emitter });
      const done = run
        .execute()
        .catch(async (error: unknown) => {
          this.logger.error(
            `import ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          await this.store
            .finish(id, 'failed', run.counters, { failure: error instanceof Error ? error.message : String(error) })
            .catch(() => undefined);
        })
        .finally(() => this.releaseLock(lock))
        .then(() => {
          emitter.emit('done');
          return this.report(id, 'zh');
        });
      const whenPast = (rows: number) =>
        new Promise<void>((resolve) => {
          if (rowsSeen > rows) return resolve();
          const onRows = (n: number) => n > rows && finish();
          const finish = () => {
            emitter.off('rows', onRows);
            emitter.off('done', finish);
            resolve();
          };
          emitter.on('rows', onRows);
          emitter.once('done', finish);
        });
      return { id, done, whenPast };
    } catch (error) {
      await this.releaseLock(lock);
      throw error;
    }
  }

  /** The import as stored, in the reader's language; `wrote` adds what each row wrote. */
  async report(id: string, lang: 'zh' | 'en', options: { wrote?: boolean } = {}): Promise<ImportReport> {
    let record = await this.store.get(id);
    // Still `processing` with no run holding it: its process is gone, and the report says so.
    if (record?.status === 'processing' && (await failIfOrphaned(this.database.pool, id))) {
      record = await this.store.get(id);
    }
    if (!record) throw new Error(`no import ${id}`);
    const errors = await this.store.errors(id, lang, ERRORS_IN_REPORT);
    return {
      id: record.id,
      kind: record.kind,
      ...record.params,
      dryRun: record.dryRun,
      fileName: record.fileName,
      sha256: record.sha256,
      ...(record.format === undefined ? {} : { format: record.format }),
      ...(record.encoding === undefined ? {} : { encoding: record.encoding }),
      ...(record.sheet === undefined ? {} : { sheet: record.sheet }),
      status: record.status,
      phase: record.phase,
      rows: record.rows,
      accepted: record.accepted,
      rejected: record.rejected,
      written: record.written,
      errors,
      errorCount: record.errorCount,
      ...(record.duplicateOf === undefined ? {} : { duplicateOf: record.duplicateOf }),
      ...(record.position === undefined ? {} : { position: record.position }),
      ...(record.failure === undefined ? {} : { failure: record.failure }),
      createdBy: record.callerId,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      ...(options.wrote ? { wrote: await this.store.wrote(id) } : {}),
    };
  }

  private async checkParams(
    kind: ImportKind,
    params: ImportParams,
    names: { sheet?: string; file: string },
  ): Promise<void> {
    const wanted = KIND_PARAM[kind];
    const errors: { path: string; message: string }[] = [];
    // The input domain for what the CLI passes straight through (the API's DTO checks most of them
    // too), and for the roster's file name, which the events' metadata and the import record keep.
    for (const [name, value] of Object.entries({ ...params, ...names })) {
      if (value === undefined) continue;
      const max = name === 'file' ? 255 : 100;
      const problem = textProblem(value);
      if (problem || value.trim() === '' || value.length > max) {
        errors.push({ path: name, message: problem?.en ?? `must be 1 to ${max} characters, not only spaces` });
      }
    }
    for (const name of ['entityId', 'declarationId', 'distributionId'] as const) {
      if (name === wanted && params[name] === undefined) {
        errors.push({ path: name, message: `${name} is required for a ${KIND_TITLE[kind].en} (kind=${kind})` });
      }
      if (name !== wanted && params[name] !== undefined) {
        errors.push({ path: name, message: `${name} is not a parameter of kind=${kind}` });
      }
    }
    if (errors.length > 0) throw new BadInputException(errors);
    if (params.entityId !== undefined) {
      const { state } = await this.streams.read(params.entityId, entity);
      if (state.status !== 'registered') {
        throw refuse(
          'IMPORT.UNKNOWN_ENTITY',
          `No operating entity ${params.entityId} is registered.`,
          `没有编号为 ${params.entityId} 的经营主体。`,
        );
      }
    }
    if (params.declarationId !== undefined) {
      const { state } = await this.streams.read(params.declarationId, dividend);
      if (state.status !== 'declared') {
        throw refuse(
          'IMPORT.UNKNOWN_DECLARATION',
          `No dividend declaration ${params.declarationId}.`,
          `没有编号为 ${params.declarationId} 的分红方案。`,
        );
      }
    }
    if (params.distributionId !== undefined) {
      const { state } = await this.streams.read(params.distributionId, distribution);
      if (state.status !== 'declared') {
        throw refuse(
          'IMPORT.UNKNOWN_DISTRIBUTION',
          `No collective distribution ${params.distributionId}.`,
          `没有编号为 ${params.distributionId} 的二次分配方案。`,
        );
      }
    }
  }

  private async lockFile(kind: ImportKind, paramsKey: string, sha256: string): Promise<PoolClient> {
    const client = await this.database.pool.connect();
    try {
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [
        `import\u001f${kind}\u001f${paramsKey}\u001f${sha256}`,
      ]);
      return client;
    } catch (error) {
      client.release();
      throw error;
    }
  }

  private async releaseLock(client: PoolClient | undefined): Promise<void> {
    if (!client) return;
    try {
      await client.query('select pg_advisory_unlock_all()');
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }

  /** For ImportRun. */
  get deps(): { streams: StreamWriter; database: Database; eventStore: EventStore } {
    return { streams: this.streams, database: this.database, eventStore: this.eventStore };
  }
}

interface StreamEntry {
  state: unknown;
  /** Command ids already recorded in the stream (rows an earlier, interrupted commit wrote). */
  applied: Set<string>;
}

/** One run of one import: the validation pass, then (a commit without bad rows) the write pass. */
class ImportRun {
  readonly counters: Counters = { rows: 0, accepted: 0, rejected: 0, written: 0 };
  private phase: ImportPhase = 'validating';
  private readonly rows: RowKind<unknown>;
  private readonly directory: LinkageDirectory;
  private readonly store: ImportStore;
  private errorSeq = 0;
  private header: RosterHeader | undefined;
  private fileProblems = 0;
  private flushing: Promise<void> = Promise.resolve();
  private pendingErrors: StoredRowError[] = [];
  private pendingWritten: { row: number; id: string; position: number }[] = [];
  private lastSaved = 0;
  private roster: Roster | undefined;
  private totalRows: number | undefined;
  private readonly issuedAt = new Date().toISOString();
  /** The write pass's appender (a commit only); validation hands it the streams as it read them. */
  private readonly writer: StreamBatches | undefined;

  constructor(
    private readonly importer: Importer,
    private readonly request: ImportRequest,
    private readonly job: {
      id: string;
      sha256: string;
      paramsKey: string;
      basisCaller: string;
      emitter: EventEmitter;
    },
  ) {
    const { streams, database, eventStore } = importer.deps;
    this.rows = ROW_KINDS[request.kind];
    this.directory = new LinkageDirectory(streams, database.pool, eventStore);
    this.store = importer.records;
    this.writer = request.dryRun
      ? undefined
      : new StreamBatches(streams, {
          keep: STREAMS_KEPT,
          eventsPerAppend: EVENTS_PER_APPEND,
          ownEvent: (e) => this.isOwn(e),
        });
  }

  async execute(): Promise<void> {
    const { id } = this.job;
    const valid = await this.validate();
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
    const position = await this.write();
    await this.flush(true);
    if (position === 'failed') return;
    await this.store.finish(id, 'committed', this.counters, { position });
  }

  /** An event one of this file's rows may have written (only those can be an earlier run's rows). */
  private isOwn(event: RecordedEvent): boolean {
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

  private context(row: number): RowContext {
    return {
      actor: this.request.actor,
      params: this.request.params,
      directory: this.directory,
      metadata: this.metadata(row),
    };
  }

  /** Opens the roster and yields its data rows; file and header problems become errors. */
  private async *records(): AsyncIterable<RosterRecord> {
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

  private fileError(row: number, column: string, code: string, en: string, zh: string): void {
    this.fileProblems += 1;
    this.pendingErrors.push({ row, column, value: '', code, en, zh });
  }

  /** Problems of one row, as reported: the header as written, the value as written. */
  private rowErrors(record: RosterRecord, problems: readonly RowProblem[]): void {
    for (const p of problems) this.pendingErrors.push(this.stored(record, p));
  }

  private stored(record: RosterRecord, p: RowProblem): StoredRowError {
    return {
      row: record.row,
      column: this.header?.map.written.get(p.column) ?? p.column,
      value: record.has(p.column) ? cellAsWritten(record.get(p.column)) : '',
      code: p.code,
      en: p.en,
      zh: p.zh,
    };
  }

  /**
   * The validation pass; true when every row would be accepted. Rows are taken a window at a time:
   * planned (lookups) and their streams read several at once, then decided one by one in file order.
   */
  private async validate(): Promise<boolean> {
    await this.directory.catchUp();
    const streams = new Map<string, StreamEntry>();
    let window: RosterRecord[] = [];
    for await (const record of this.records()) {
      window.push(record);
      if (window.length >= VALIDATE_WINDOW_ROWS) {
        await this.validateWindow(window, streams);
        window = [];
      }
    }
    await this.validateWindow(window, streams);
    if (this.header && this.fileProblems === 0 && this.counters.rows === 0) {
      this.fileError(
        this.header.row,
        '',
        'IMPORT.NO_ROWS',
        'The file has a header row but no rows to import.',
        '文件只有表头，没有可导入的数据行。',
      );
    }
    await this.store.describeFile(this.job.id, {
      format: this.roster?.format,
      encoding: this.roster?.encoding(),
      sheet: this.roster?.sheet(),
    });
    return this.fileProblems === 0 && this.counters.rejected === 0;
  }

  private async validateWindow(records: readonly RosterRecord[], streams: Map<string, StreamEntry>): Promise<void> {
    const planned = await mapConcurrently(records, READ_CONCURRENCY, (record) => this.planRow(record));
    const unread = new Map<string, RowPlan>();
    for (const p of planned) if ('plan' in p && !streams.has(p.plan.streamId)) unread.set(p.plan.streamId, p.plan);
    await mapConcurrently([...unread.values()], READ_CONCURRENCY, async (plan) => {
      const read = await this.importer.deps.streams.read(plan.streamId, plan.evolver);
      const applied = new Set(
        read.events
          .filter((e) => this.isOwn(e))
          .map((e) => e.metadata.commandId)
          .filter((c): c is string => typeof c === 'string'),
      );
      streams.set(plan.streamId, { state: read.state, applied });
      // The write pass starts from the same state, and need not read the stream again.
      this.writer?.seed(plan.streamId, { state: read.state, revision: read.revision, commandIds: applied });
    });
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const p = planned[i];
      const problems = 'plan' in p ? this.decideRow(p.plan, streams.get(p.plan.streamId)!) : p.problems;
      this.counters.rows += 1;
      if (problems.length > 0) {
        this.counters.rejected += 1;
        this.rowErrors(record, problems);
      } else {
        this.counters.accepted += 1;
      }
      await this.maybeSave();
    }
  }

  /** A row's cells and lookups: its plan, or its problems. */
  private async planRow(record: RosterRecord): Promise<{ plan: RowPlan } | { problems: RowProblem[] }> {
    const parsed = this.rows.fields(record);
    if (parsed.problems.length > 0) return { problems: parsed.problems };
    try {
      return { plan: await this.rows.plan(parsed.fields, this.context(record.row)) };
    } catch (error) {
      if (error instanceof RowRefusal) return { problems: [error.problem] };
      throw error;
    }
  }

  /** Decides a planned row against its stream as the file's earlier rows left it. */
  private decideRow(plan: RowPlan, entry: StreamEntry): RowProblem[] {
    // Written by an earlier run of this very commit: nothing to decide, the stream has it already.
    if (entry.applied.has(plan.command.metadata.commandId)) return [];
    let events: DomainEvent[];
    try {
      events = plan.decide(entry.state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return [
        { column: columnOfRefusal(plan.columns, error), code: error.code, en: error.message, zh: error.messageZh },
      ];
    }
    entry.state = events.reduce((state, event) => plan.evolver.evolve(state, event), entry.state);
    return [];
  }

  /**
   * The write pass; the position of the last event, or 'failed'. Rows are read again, planned as in
   * validation, and collected per stream; every `WRITE_BATCH_ROWS` rows the batch is written (see
   * StreamBatches) while the next one is read. All batches are one unit of work: on PostgreSQL the
   * import's events become visible together when it commits, and a row refused here (the ledger
   * changed since validation) leaves nothing written. Where the store cannot do that (EventStoreDB)
   * the rows before it stay, and running the import again resumes it.
   */
  private async write(): Promise<number | 'failed'> {
    const writer = this.writer!;
    let atomic = false;
    try {
      return await this.importer.deps.eventStore.inUnitOfWork(async (unit) => {
        atomic = unit.atomic;
        return this.writeIn(unit, writer);
      });
    } catch (error) {
      const refused =
        error instanceof RowRefusedInWrite
          ? this.refusedAt(error.planned.record, {
              column: columnOfRefusal(error.planned.plan.columns, error.error),
              code: error.error.code,
              en: error.error.message,
              zh: error.error.messageZh,
            })
          : error;
      if (atomic) await this.forgetWritten();
      if (!(refused instanceof CommitRefused)) throw refused;
      this.pendingErrors.push(refused.problem);
      await this.flush(true);
      await this.store.finish(this.job.id, 'failed', this.counters, {
        failure: `row ${refused.row}: ${refused.problem.en}${atomic ? ' Nothing was written.' : ''}`,
      });
      return 'failed';
    }
  }

  private async writeIn(unit: UnitOfWork, writer: StreamBatches): Promise<number> {
    let position = 0;
    const written = async (rows: RowWritten[]) => {
      for (const w of rows) position = Math.max(position, w.position);
      this.counters.written += rows.length;
      this.pendingWritten.push(...rows);
      await this.maybeSave();
    };
    let batch = new Map<string, PlannedRow[]>();
    let batched = 0;
    let writing: Promise<void> = Promise.resolve();
    // A failed batch is rethrown by the next `await writing`; none starts after it.
    const send = async () => {
      await writing;
      const full = batch;
      batch = new Map();
      batched = 0;
      writing = writer.write(unit, full, written);
    };
    try {
      for await (const record of this.records()) {
        const parsed = this.rows.fields(record, true);
        if (parsed.problems.length > 0) throw this.refusedAt(record, parsed.problems[0]);
        let plan: RowPlan;
        try {
          plan = await this.rows.plan(parsed.fields, this.context(record.row));
        } catch (error) {
          if (error instanceof RowRefusal) throw this.refusedAt(record, error.problem);
          throw error;
        }
        const rows = batch.get(plan.streamId);
        if (rows) rows.push({ record, plan });
        else batch.set(plan.streamId, [{ record, plan }]);
        if (++batched >= WRITE_BATCH_ROWS) await send();
      }
      await send();
      await writing;
      // Saved before the unit commits: once it has, the import's rows are all on record.
      await this.flush(false);
      return position;
    } catch (error) {
      await writing.catch(() => undefined);
      throw error;
    }
  }

  /** Nothing the unit appended was kept: neither are the rows it reported written. */
  private async forgetWritten(): Promise<void> {
    this.counters.written = 0;
    this.pendingWritten = [];
    await this.flushing;
    await this.store.forgetWritten(this.job.id);
  }

  private refusedAt(record: RosterRecord, problem: RowProblem): CommitRefused {
    return new CommitRefused(record.row, this.stored(record, problem));
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

  private async maybeSave(): Promise<void> {
    this.job.emitter.emit('rows', this.counters.rows);
    this.request.onProgress?.(this.progress());
    if (this.pendingErrors.length >= FLUSH_ROWS || this.pendingWritten.length >= FLUSH_ROWS) {
      await this.flush(false);
    } else if (Date.now() - this.lastSaved >= PROGRESS_EVERY_MS) {
      await this.flush(false);
    }
  }

  /** Saves errors, written rows and counters, so a running import can be read; one save at a time. */
  private flush(final: boolean): Promise<void> {
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
