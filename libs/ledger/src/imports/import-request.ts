import type { Actor } from '../common/actor';
import { nameBasedUuid } from '../common/ids';
import { KIND_PARAM, type ImportKind, type ImportParams } from './import-kinds';
import type { ImportPhase } from './import-store';
import type { ImportReport } from './import-report.view';

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
