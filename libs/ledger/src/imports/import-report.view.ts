import type { ImportKind } from './import-kinds';

/*
 * Imports as the API answers them. Types only, importing only types: the web console compiles
 * against this file (through libs/ledger/src/contract.ts), so it must stay free of Node and Nest.
 */

export type ImportStatus = 'processing' | 'validated' | 'committed' | 'rejected' | 'duplicate' | 'failed';
export type ImportPhase = 'validating' | 'writing' | 'done';

/** A row error as reported, in the reader's language. */
export interface ImportRowError {
  row: number;
  /** The column's header as the file wrote it. */
  column: string;
  value: string;
  message: string;
  code: string;
}

/** What `POST /v1/imports`, `GET /v1/imports/{id}` and the CLI show. */
export interface ImportReport {
  id: string;
  kind: ImportKind;
  entityId?: string;
  declarationId?: string;
  distributionId?: string;
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
  errors: ImportRowError[];
  errorCount: number;
  duplicateOf?: string;
  position?: number;
  failure?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  wrote?: { row: number; id: string; position: number }[];
}
