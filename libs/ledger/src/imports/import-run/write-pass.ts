import type { UnitOfWork } from '@ledger/event-store';
import type { StoredRowError } from '../import-store';
import type { RosterRecord } from '../roster/roster-table';
import { columnOfRefusal, RowRefusal, type RowPlan, type RowProblem } from '../rows/row-plan';
import { RowRefusedInWrite, type PlannedRow, type RowWritten, type StreamBatches } from '../stream-batches';
import type { ImportRun } from './import-run';

/**
 * Rows read before they are written, as one append per stream: more rows, fewer and longer appends
 * (each stream's append has a fixed cost on the server), but more memory held while they are written.
 */
const WRITE_BATCH_ROWS = 5_000;

/** Thrown to stop a commit at a row the ledger refused although validation accepted it. */
class CommitRefused extends Error {
  constructor(
    readonly row: number,
    readonly problem: StoredRowError,
  ) {
    super(problem.en);
  }
}

/**
 * The write pass; the position of the last event, or 'failed'. Rows are read again, planned as in
 * validation, and collected per stream; every `WRITE_BATCH_ROWS` rows the batch is written (see
 * StreamBatches) while the next one is read. All batches are one unit of work: on PostgreSQL the
 * import's events become visible together when it commits, and a row refused here (the ledger
 * changed since validation) leaves nothing written. Where the store cannot do that (EventStoreDB)
 * the rows before it stay, and running the import again resumes it.
 */
export async function writePass(run: ImportRun): Promise<number | 'failed'> {
  const writer = run.writer!;
  let atomic = false;
  try {
    return await run.deps.eventStore.inUnitOfWork(async (unit) => {
      atomic = unit.atomic;
      return writeIn(run, unit, writer);
    });
  } catch (error) {
    const refused =
      error instanceof RowRefusedInWrite
        ? refusedAt(run, error.planned.record, {
            column: columnOfRefusal(error.planned.plan.columns, error.error),
            code: error.error.code,
            en: error.error.message,
            zh: error.error.messageZh,
          })
        : error;
    if (atomic) await forgetWritten(run);
    if (!(refused instanceof CommitRefused)) throw refused;
    run.pendingErrors.push(refused.problem);
    await run.flush(true);
    await run.store.finish(run.job.id, 'failed', run.counters, {
      failure: `row ${refused.row}: ${refused.problem.en}${atomic ? ' Nothing was written.' : ''}`,
    });
    return 'failed';
  }
}

async function writeIn(run: ImportRun, unit: UnitOfWork, writer: StreamBatches): Promise<number> {
  let position = 0;
  const written = (rows: RowWritten[]) => {
    for (const w of rows) position = Math.max(position, w.position);
    run.counters.written += rows.length;
    run.pendingWritten.push(...rows);
    return run.maybeSave();
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
    // Handled now: it may fail while the next rows are read; the next `await writing` throws it.
    writing.catch(() => undefined);
  };
  try {
    for await (const record of run.records()) {
      const parsed = run.rows.fields(record, true);
      if (parsed.problems.length > 0) throw refusedAt(run, record, parsed.problems[0]);
      let plan: RowPlan;
      try {
        plan = await run.rows.plan(parsed.fields, run.context(record.row));
      } catch (error) {
        if (error instanceof RowRefusal) throw refusedAt(run, record, error.problem);
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
    await run.flush(false);
    return position;
  } catch (error) {
    await writing.catch(() => undefined);
    throw error;
  }
}

/** Nothing the unit appended was kept: neither are the rows it reported written. */
async function forgetWritten(run: ImportRun): Promise<void> {
  run.counters.written = 0;
  run.pendingWritten = [];
  // A failed save must not keep the rows of a unit that was rolled back on record.
  await run.flushing.catch(() => undefined);
  await run.store.forgetWritten(run.job.id);
}

function refusedAt(run: ImportRun, record: RosterRecord, problem: RowProblem): CommitRefused {
  return new CommitRefused(record.row, run.stored(record, problem));
}
