import type { DomainEvent } from '../../common/decider';
import { DomainError } from '../../common/domain-error';
import { mapConcurrently } from '../concurrently';
import type { RosterRecord } from '../roster/roster-table';
import { columnOfRefusal, RowRefusal, type RowPlan, type RowProblem } from '../rows/row-plan';
import type { ImportRun } from './import-run';

/** Rows planned, and their streams read, at once in the validation pass. */
const VALIDATE_WINDOW_ROWS = 2_000;
/** Lookups and stream reads running at once. */
const READ_CONCURRENCY = 8;

interface StreamEntry {
  state: unknown;
  /** Command ids already recorded in the stream (rows an earlier, interrupted commit wrote). */
  applied: Set<string>;
}

/**
 * The validation pass; true when every row would be accepted. Rows are taken a window at a time:
 * planned (lookups) and their streams read several at once, then decided one by one in file order.
 */
export async function validationPass(run: ImportRun): Promise<boolean> {
  await run.directory.catchUp();
  const streams = new Map<string, StreamEntry>();
  let window: RosterRecord[] = [];
  for await (const record of run.records()) {
    window.push(record);
    if (window.length >= VALIDATE_WINDOW_ROWS) {
      await validateWindow(run, window, streams);
      window = [];
    }
  }
  await validateWindow(run, window, streams);
  if (run.header && run.fileProblems === 0 && run.counters.rows === 0) {
    run.fileError(
      run.header.row,
      '',
      'IMPORT.NO_ROWS',
      'The file has a header row but no rows to import.',
      '文件只有表头，没有可导入的数据行。',
    );
  }
  await run.store.describeFile(run.job.id, {
    format: run.roster?.format,
    encoding: run.roster?.encoding(),
    sheet: run.roster?.sheet(),
  });
  return run.fileProblems === 0 && run.counters.rejected === 0;
}

async function validateWindow(
  run: ImportRun,
  records: readonly RosterRecord[],
  streams: Map<string, StreamEntry>,
): Promise<void> {
  const planned = await mapConcurrently(records, READ_CONCURRENCY, (record) => planRow(run, record));
  const unread = new Map<string, RowPlan>();
  for (const p of planned) if ('plan' in p && !streams.has(p.plan.streamId)) unread.set(p.plan.streamId, p.plan);
  await mapConcurrently([...unread.values()], READ_CONCURRENCY, async (plan) => {
    const read = await run.deps.streams.read(plan.streamId, plan.evolver);
    const applied = new Set(
      read.events
        .filter((e) => run.isOwn(e))
        .map((e) => e.metadata.commandId)
        .filter((c): c is string => typeof c === 'string'),
    );
    streams.set(plan.streamId, { state: read.state, applied });
    // The write pass starts from the same state, and need not read the stream again.
    run.writer?.seed(plan.streamId, { state: read.state, revision: read.revision, commandIds: applied });
  });
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const p = planned[i];
    const problems = 'plan' in p ? decideRow(p.plan, streams.get(p.plan.streamId)!) : p.problems;
    run.counters.rows += 1;
    if (problems.length > 0) {
      run.counters.rejected += 1;
      run.rowErrors(record, problems);
    } else {
      run.counters.accepted += 1;
    }
    await run.maybeSave();
  }
}

/** A row's cells and lookups: its plan, or its problems. */
async function planRow(run: ImportRun, record: RosterRecord): Promise<{ plan: RowPlan } | { problems: RowProblem[] }> {
  const parsed = run.rows.fields(record);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  try {
    return { plan: await run.rows.plan(parsed.fields, run.context(record.row)) };
  } catch (error) {
    if (error instanceof RowRefusal) return { problems: [error.problem] };
    throw error;
  }
}

/** Decides a planned row against its stream as the file's earlier rows left it. */
function decideRow(plan: RowPlan, entry: StreamEntry): RowProblem[] {
  // Written by an earlier run of this very commit: nothing to decide, the stream has it already.
  if (entry.applied.has(plan.command.metadata.commandId)) return [];
  let events: DomainEvent[];
  try {
    events = plan.decide(entry.state);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return [{ column: columnOfRefusal(plan.columns, error), code: error.code, en: error.message, zh: error.messageZh }];
  }
  entry.state = events.reduce((state, event) => plan.evolver.evolve(state, event), entry.state);
  return [];
}
