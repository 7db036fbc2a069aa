/** What every successful write answers: the new (or changed) resource's id and the ledger position. */
export interface WriteResult {
  id: string;
  /** Global position of the last event written. */
  position: number;
}
