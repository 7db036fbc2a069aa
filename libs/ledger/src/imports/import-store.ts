import type { Pool } from 'pg';
import type { ImportKind, ImportParams } from './import-kinds';

import type { ImportPhase, ImportRowError, ImportStatus } from './import-report.view';

export type { ImportPhase, ImportRowError, ImportStatus } from './import-report.view';

/** One row error as kept: both languages, so a report can be read in either. */
export interface StoredRowError {
  row: number;
  column: string;
  value: string;
  code: string;
  zh: string;
  en: string;
}

export interface ImportRecord {
  id: string;
  callerId: string;
  callerRole: string;
  kind: ImportKind;
  params: ImportParams;
  paramsKey: string;
  dryRun: boolean;
  fileName: string;
  sha256: string;
  format?: string;
  encoding?: string;
  sheet?: string;
  status: ImportStatus;
  phase: ImportPhase;
  rows: number;
  accepted: number;
  rejected: number;
  written: number;
  errorCount: number;
  duplicateOf?: string;
  position?: number;
  failure?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Counters {
  rows: number;
  accepted: number;
  rejected: number;
  written: number;
}

interface Row {
  id: string;
  caller_id: string;
  caller_role: string;
  kind: ImportKind;
  params: ImportParams;
  params_key: string;
  dry_run: boolean;
  file_name: string;
  sha256: string;
  format: string | null;
  encoding: string | null;
  sheet: string | null;
  status: ImportStatus;
  phase: ImportPhase;
  rows: number;
  accepted: number;
  rejected: number;
  written: number;
  error_count: number;
  duplicate_of: string | null;
  position: string | null;
  failure: string | null;
  created_at: Date;
  updated_at: Date;
}

function toRecord(r: Row): ImportRecord {
  return {
    id: r.id,
    callerId: r.caller_id,
    callerRole: r.caller_role,
    kind: r.kind,
    params: r.params,
    paramsKey: r.params_key,
    dryRun: r.dry_run,
    fileName: r.file_name,
    sha256: r.sha256,
    ...(r.format === null ? {} : { format: r.format }),
    ...(r.encoding === null ? {} : { encoding: r.encoding }),
    ...(r.sheet === null ? {} : { sheet: r.sheet }),
    status: r.status,
    phase: r.phase,
    rows: r.rows,
    accepted: r.accepted,
    rejected: r.rejected,
    written: r.written,
    errorCount: r.error_count,
    ...(r.duplicate_of === null ? {} : { duplicateOf: r.duplicate_of }),
    ...(r.position === null ? {} : { position: Number(r.position) }),
    ...(r.failure === null ? {} : { failure: r.failure }),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The `imports` tables: records, their row errors and what their rows wrote. */
export class ImportStore {
  constructor(private readonly pool: Pool) {}

  async create(record: {
    id: string;
    callerId: string;
    callerRole: string;
    kind: ImportKind;
    params: ImportParams;
    paramsKey: string;
    dryRun: boolean;
    fileName: string;
    sha256: string;
    status: ImportStatus;
    duplicateOf?: string;
    rows?: number;
  }): Promise<void> {
    await this.pool.query(
      `insert into imports (id, caller_id, caller_role, kind, params, params_key, dry_run, file_name, sha256, status, phase, duplicate_of, rows)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        record.id,
        record.callerId,
        record.callerRole,
        record.kind,
        JSON.stringify(record.params),
        record.paramsKey,
        record.dryRun,
        record.fileName,
        record.sha256,
        record.status,
        record.status === 'processing' ? 'validating' : 'done',
        record.duplicateOf ?? null,
        record.rows ?? 0,
      ],
    );
  }

  async get(id: string): Promise<ImportRecord | undefined> {
    const { rows } = await this.pool.query<Row>('select * from imports where id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The import that committed these very bytes for this kind and parameters, if any. */
  async committed(kind: ImportKind, paramsKey: string, sha256: string): Promise<ImportRecord | undefined> {
    const { rows } = await this.pool.query<Row>(
      `select * from imports where kind = $1 and params_key = $2 and sha256 = $3 and not dry_run and status = 'committed'
        order by created_at limit 1`,
      [kind, paramsKey, sha256],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** A commit of these bytes that stopped half-way (crashed, killed, failed): the one to resume. */
  async unfinished(kind: ImportKind, paramsKey: string, sha256: string): Promise<ImportRecord | undefined> {
    const { rows } = await this.pool.query<Row>(
      `select * from imports where kind = $1 and params_key = $2 and sha256 = $3 and not dry_run
          and status in ('processing', 'failed') and phase <> 'done'
        order by created_at limit 1`,
      [kind, paramsKey, sha256],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Starts a resumed commit over: its row errors are found again by the new validation, and what it
   * wrote is reported again by the new write pass (rows an earlier run wrote, where the store kept
   * them, with the positions they were written at).
   */
  async restart(id: string): Promise<void> {
    await this.pool.query('delete from import_errors where import_id = $1', [id]);
    await this.forgetWritten(id);
    await this.pool.query(
      `update imports set status = 'processing', phase = 'validating', rows = 0, accepted = 0, rejected = 0,
              error_count = 0, failure = null, updated_at = now() where id = $1`,
      [id],
    );
  }

  async progress(id: string, phase: ImportPhase, counters: Counters): Promise<void> {
    await this.pool.query(
      `update imports set phase = $2, rows = $3, accepted = $4, rejected = $5, written = $6, updated_at = now()
        where id = $1`,
      [id, phase, counters.rows, counters.accepted, counters.rejected, counters.written],
    );
  }

  async describeFile(id: string, file: { format?: string; encoding?: string; sheet?: string }): Promise<void> {
    await this.pool.query('update imports set format = $2, encoding = $3, sheet = $4 where id = $1', [
      id,
      file.format ?? null,
      file.encoding ?? null,
      file.sheet ?? null,
    ]);
  }

  async addErrors(id: string, fromSeq: number, errors: readonly StoredRowError[]): Promise<void> {
    if (errors.length === 0) return;
    await this.pool.query(
      `insert into import_errors (import_id, seq, row, column_name, value, code, message_zh, message_en)
       select $1, t.seq, t.row, t.col, t.value, t.code, t.zh, t.en
         from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              as t(seq, row, col, value, code, zh, en)
       on conflict do nothing`,
      [
        id,
        errors.map((_, i) => fromSeq + i),
        errors.map((e) => e.row),
        errors.map((e) => e.column),
        errors.map((e) => e.value),
        errors.map((e) => e.code),
        errors.map((e) => e.zh),
        errors.map((e) => e.en),
      ],
    );
    await this.pool.query('update imports set error_count = greatest(error_count, $2) where id = $1', [
      id,
      fromSeq + errors.length,
    ]);
  }

  async addWritten(id: string, written: readonly { row: number; id: string; position: number }[]): Promise<void> {
    if (written.length === 0) return;
    await this.pool.query(
      `insert into import_rows (import_id, row, written_id, position)
       select $1, t.row, t.id, t.position from unnest($2::int[], $3::text[], $4::bigint[]) as t(row, id, position)
       on conflict do nothing`,
      [id, written.map((w) => w.row), written.map((w) => w.id), written.map((w) => w.position)],
    );
  }

  /** What a commit reported written, taken back (its unit of work was rolled back). */
  async forgetWritten(id: string): Promise<void> {
    await this.pool.query('delete from import_rows where import_id = $1', [id]);
    await this.pool.query('update imports set written = 0 where id = $1', [id]);
  }

  async finish(
    id: string,
    status: ImportStatus,
    counters: Counters,
    extra: { position?: number; failure?: string } = {},
  ): Promise<void> {
    await this.pool.query(
      `update imports set status = $2, phase = $3, rows = $4, accepted = $5, rejected = $6, written = $7,
              position = coalesce($8, position), failure = $9, updated_at = now()
        where id = $1`,
      [
        id,
        status,
        status === 'failed' ? 'writing' : 'done',
        counters.rows,
        counters.accepted,
        counters.rejected,
        counters.written,
        extra.position ?? null,
        extra.failure ?? null,
      ],
    );
  }

  async errors(id: string, lang: 'zh' | 'en', limit?: number): Promise<ImportRowError[]> {
    const { rows } = await this.pool.query<{
      row: number;
      column_name: string;
      value: string;
      code: string;
      message_zh: string;
      message_en: string;
    }>(
      `select row, column_name, value, code, message_zh, message_en from import_errors where import_id = $1
        order by seq ${limit === undefined ? '' : `limit ${Math.floor(limit)}`}`,
      [id],
    );
    return rows.map((r) => ({
      row: r.row,
      column: r.column_name,
      value: r.value,
      message: lang === 'en' ? r.message_en : r.message_zh,
      code: r.code,
    }));
  }

  async wrote(id: string): Promise<{ row: number; id: string; position: number }[]> {
    const { rows } = await this.pool.query<{ row: number; written_id: string; position: string }>(
      'select row, written_id, position from import_rows where import_id = $1 order by row',
      [id],
    );
    return rows.map((r) => ({ row: r.row, id: r.written_id, position: Number(r.position) }));
  }
}
