import type { ICommand } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Actor } from '../../common/actor';
import type { DomainEvent, Evolver } from '../../common/decider';
import type { DomainError } from '../../common/domain-error';
import type { CommandMetadata } from '../../common/stream-writer';
import type { ImportKind, ImportParams } from '../import-kinds';
import type { LinkageDirectory } from '../linkage-directory';
import type { Parsed } from '../roster/cells';
import type { RosterRecord } from '../roster/roster-table';

/** What is wrong with one row: the field (column) it concerns, a stable code, both languages. */
export interface RowProblem {
  column: string;
  code: string;
  en: string;
  zh: string;
}

/** Thrown while planning a row (unknown household, no employment…): a row error, not a failure. */
export class RowRefusal extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.en);
  }
}

export const refuseRow = (column: string, code: string, en: string, zh: string): RowRefusal =>
  new RowRefusal({ column, code, en, zh });

/**
 * What one row becomes: the very command the API would run for it, the stream it writes to, and
 * the decide function its handler runs, so both passes decide it in memory against the stream's
 * state plus what the file's earlier rows wrote. `township` and `resultId` are the two things the
 * command's handler adds around decide: the township it puts on the events' metadata (read from the
 * stream's state, or from the parties, before deciding) and the id it answers.
 */
export interface RowPlan {
  streamId: string;
  evolver: Evolver<unknown, DomainEvent>;
  command: ICommand & { metadata: CommandMetadata };
  decide(state: unknown): DomainEvent[];
  township(state: unknown): string | undefined;
  resultId(events: readonly DomainEvent[]): string;
  /** Which column a refusal of this row belongs beside. */
  columns: RefusalColumns;
}

/**
 * Where a row kind puts a refusal: read from the refusal's own field and kind (its capability's
 * catalogue), mapped to the roster's columns, so nothing is guessed from the code's wording.
 */
export interface RefusalColumns {
  /** The column each request field is read from (`amountFen` ← `amount`). */
  fields: Readonly<Record<string, string>>;
  /** A refusal of who may write (403): the column naming the household or entity whose township it is. */
  forbidden: string;
  /** An unknown record (404): the column the row finds its record by; `otherwise` when not given. */
  notFound?: string;
  /** A refusal about no field read from the file. */
  otherwise: string;
}

/** The column a refusal of a row belongs beside. */
export function columnOfRefusal(columns: RefusalColumns, error: DomainError): string {
  const byField = error.field === undefined ? undefined : columns.fields[error.field];
  if (byField !== undefined) return byField;
  if (error.kind === 'forbidden') return columns.forbidden;
  if (error.kind === 'not_found') return columns.notFound ?? columns.otherwise;
  return columns.otherwise;
}

export function rowPlan<State, Event extends DomainEvent>(plan: {
  streamId: string;
  evolver: Evolver<State, Event>;
  command: ICommand & { metadata: CommandMetadata };
  decide(state: State): Event[];
  township(state: State): string | undefined;
  resultId(events: readonly Event[]): string;
  columns: RefusalColumns;
}): RowPlan {
  return plan;
}

/** The payment id of the first event of `type` (what a payment handler answers), else the stream's id. */
export function paymentResult(type: string, streamId: string) {
  return (events: readonly DomainEvent[]): string => {
    const paid = events.find((e) => e.type === type);
    return paid ? (paid.data as { paymentId: string }).paymentId : streamId;
  };
}

/** Everything a row needs besides its cells. */
export interface RowContext {
  actor: Actor;
  params: ImportParams;
  directory: LinkageDirectory;
  /** The metadata the row's command carries (its command id is derived from the file and the row). */
  metadata: CommandMetadata;
}

/** One import kind: how a row's cells become fields, and fields a command. */
export interface RowKind<Fields> {
  kind: ImportKind;
  /**
   * The row's fields, or every problem of its cells. `checked`: the row passed validation already
   * (the write pass), so the API's request class need not check it again.
   */
  fields(
    record: RosterRecord,
    checked?: boolean,
  ): { fields: Fields; problems: [] } | { fields?: undefined; problems: RowProblem[] };
  plan(fields: Fields, context: RowContext): Promise<RowPlan>;
}

/** Collects the cells' parse results into fields, or every problem of the row. */
export class FieldCollector {
  readonly problems: RowProblem[] = [];

  take<T>(column: string, result: Parsed<T>): T | undefined {
    if (result.ok) return result.value;
    this.problems.push({ column, code: 'IMPORT.BAD_VALUE', en: result.en, zh: result.zh });
    return undefined;
  }

  /** A value the column may leave blank. */
  optional<T>(record: RosterRecord, column: string, isBlank: boolean, parse: () => Parsed<T>): T | undefined {
    if (!record.has(column) || isBlank) return undefined;
    return this.take(column, parse());
  }
}

/**
 * Checks a row's request body with the API's own request class (the same class-validator rules the
 * route applies), so a value the API would refuse is refused here too; `columns` maps each property
 * to its column.
 */
export function checkAsRequest(
  requestClass: new () => object,
  body: Record<string, unknown>,
  columns: Record<string, string>,
): RowProblem[] {
  // class-validator takes ~80 µs a row; rosters repeat the same bodies (a month, an amount, a date)
  // often, and the answer depends on the class and the body alone.
  const key = JSON.stringify(body);
  let known = checked.get(requestClass);
  if (!known) checked.set(requestClass, (known = new Map<string, RowProblem[]>()));
  const hit = known.get(key);
  if (hit) return hit.map((p) => ({ ...p, column: columns[p.column] ?? p.column }));
  const problems = validateAsRequest(requestClass, body);
  if (known.size >= CHECKS_KEPT) known.clear();
  known.set(key, problems);
  return problems.map((p) => ({ ...p, column: columns[p.column] ?? p.column }));
}

/** Answers of `checkAsRequest` kept per request class (by property, before mapping to columns). */
const checked = new WeakMap<new () => object, Map<string, RowProblem[]>>();
const CHECKS_KEPT = 10_000;

function validateAsRequest(requestClass: new () => object, body: Record<string, unknown>): RowProblem[] {
  const instance = plainToInstance(requestClass, body);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  return errors.flatMap((error) => {
    const messages = Object.values(error.constraints ?? {});
    const message = [...new Set(messages)].join('; ');
    return [
      {
        column: error.property,
        code: 'IMPORT.BAD_VALUE',
        en: `${error.property} ${message}`,
        zh: `格式不正确：${error.property} ${message}`,
      },
    ];
  });
}
