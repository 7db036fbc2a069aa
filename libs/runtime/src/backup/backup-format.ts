import { createHash, type Hash } from 'node:crypto';

/**
 * A ledger backup: gzip'd JSON lines. The log is the truth, so it holds every event exactly as stored
 * (position, stream, revision, content, recording time to the microsecond, hash) in log order, plus
 * what cannot be derived from the log: seals, idempotency answers, import records, printed cards and
 * the households' keys.
 * Read models are not in it; they are rebuilt from the log. The last line counts and hashes every line
 * before it, so a truncated or edited file is refused before anything is restored.
 */
export const BACKUP_FORMAT = 'benefit-linkage-ledger-backup';
export const BACKUP_VERSION = 1;

/** Kept as rows, in this order (foreign keys: imports before their errors and rows). */
export const RECORD_TABLES = [
  { table: 'log_seals', order: 't.seal_no' },
  { table: 'idempotency_keys', order: 't.created_at, t.caller_id, t.key' },
  { table: 'imports', order: 't.created_at, t.id' },
  { table: 'import_errors', order: 't.import_id, t.seq' },
  { table: 'import_rows', order: 't.import_id, t.row' },
  { table: 'statement_issues', order: 't.issued_at, t.code' },
  // The households' keys (and erased households' tombstones), from the same snapshot as the log, so
  // a restored ledger reads exactly the names the backed-up one could. See the README, "Erasure".
  { table: 'household_keys', order: 't.household_id' },
] as const;

export type RecordTable = (typeof RECORD_TABLES)[number]['table'];

export interface BackupHeader {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  events: number;
  latestSeal?: { sealNo: number; upToPosition: number; hash: string };
}

/** An event as stored; `tx` groups the events one transaction appended, so a restore keeps log order. */
export interface BackupEvent {
  kind: 'event';
  tx: string;
  position: number;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  /** ISO 8601 with microseconds, as PostgreSQL stores it (the hash covers the microseconds). */
  recordedAt: string;
  /** Hex sha256 of the stream's chain at this event. */
  hash: string;
}

export interface BackupRecord {
  kind: 'record';
  table: RecordTable;
  row: Record<string, unknown>;
}

export interface BackupTrailer {
  kind: 'end';
  lines: number;
  events: number;
  sha256: string;
}

export type BackupLine = BackupHeader | BackupEvent | BackupRecord | BackupTrailer;

/** Counts and hashes lines as they are written or read, for the trailer. */
export class LineDigest {
  private readonly hash: Hash = createHash('sha256');
  lines = 0;
  add(line: string): void {
    this.hash.update(line).update('\n');
    this.lines += 1;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}
