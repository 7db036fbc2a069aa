import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { EventEmitter } from 'node:events';
import type { PoolClient } from 'pg';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { Database } from '@ledger/runtime';
import { forbidden, refuse } from '../common/domain-error';
import { StreamWriter } from '../common/stream-writer';
import { dividend } from '../dividends/dividend.state';
import { entity } from '../entities/entity.state';
import { BadInputException } from '../common/bad-input';
import { textProblem } from '../primitives/text';
import { KIND_TITLE, KIND_PARAM, type ImportKind, type ImportParams } from './import-kinds';
import { ImportStore } from './import-store';
import type { ImportReport } from './import-report.view';
import { failIfOrphaned, holdImportRun } from './interrupted-imports';
import { distribution } from '../collectives/distribution.state';
import { paramsKeyOf, type ImportJob, type ImportRequest } from './import-request';
import { ImportRun, type ImportRunDeps } from './import-run/import-run';

export type { ImportReport } from './import-report.view';
export { paramsKeyOf, rowCommandId, type ImportJob, type ImportProgress, type ImportRequest } from './import-request';

/** Errors reported in a JSON answer; errors.csv has them all. */
export const ERRORS_IN_REPORT = 1000;

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
      const run = new ImportRun(this.deps, request, { id, sha256, paramsKey, basisCaller, emitter });
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

  /** What each run works with. */
  private get deps(): ImportRunDeps {
    return { streams: this.streams, database: this.database, eventStore: this.eventStore, store: this.store };
  }
}
