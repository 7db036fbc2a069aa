import type { Pool, PoolClient } from 'pg';
import { compareLogPositions, START_OF_LOG, type LogPosition } from '@ledger/event-store';

export interface Checkpoint {
  logPosition: LogPosition;
  /** Client-visible position of the last event applied (0 before any). */
  position: number;
}

/** The event a projection could not apply, kept beside its checkpoint (which stays just before it). */
export interface ParkedAt {
  /** The event's position in the log (`position` in the HTTP API). */
  position: number;
  eventId: string;
  eventType: string;
  error: string;
  since: string;
}

export interface ProjectionState extends Checkpoint {
  status: 'running' | 'parked';
  parked?: ParkedAt;
}

/** `"schema".projection_checkpoints`, or the live one (found on the search path) without a schema. */
export const checkpointsTable = (schema?: string): string =>
  schema ? `${quoteIdent(schema)}.projection_checkpoints` : 'projection_checkpoints';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

interface StateRow {
  name: string;
  commit_position: string;
  prepare_position: string;
  position: string;
  status: 'running' | 'parked';
  parked_position: string | null;
  parked_event_id: string | null;
  parked_event_type: string | null;
  parked_error: string | null;
  parked_at: Date | null;
}

/** Each named projection's checkpoint and status; a projection never run is at the start, running. */
export async function statesOf(
  pool: Pool | PoolClient,
  names: readonly string[],
  schema?: string,
): Promise<Map<string, ProjectionState>> {
  const { rows } = await pool.query<StateRow>(
    `select name, commit_position, prepare_position, position, status,
            parked_position, parked_event_id, parked_event_type, parked_error, parked_at
       from ${checkpointsTable(schema)} where name = any($1)`,
    [names],
  );
  const result = new Map<string, ProjectionState>();
  for (const name of names) result.set(name, { logPosition: START_OF_LOG, position: 0, status: 'running' });
  for (const r of rows) {
    result.set(r.name, {
      logPosition: { commit: BigInt(r.commit_position), prepare: BigInt(r.prepare_position) },
      position: Number(r.position),
      status: r.status,
      ...(r.status === 'parked' && {
        parked: {
          position: Number(r.parked_position),
          eventId: r.parked_event_id ?? '',
          eventType: r.parked_event_type ?? '',
          error: r.parked_error ?? '',
          since: (r.parked_at ?? new Date(0)).toISOString(),
        },
      }),
    });
  }
  return result;
}

/**
 * Compare-and-set: only moves a checkpoint that is still where this runner left it. Runs on the
 * transaction that applied the rows, whose search path picks the live or the rebuild's table.
 */
export async function advanceCheckpoint(
  client: PoolClient,
  name: string,
  from: Checkpoint,
  to: Checkpoint,
  applied: number,
): Promise<boolean> {
  if (compareLogPositions(from.logPosition, START_OF_LOG) === 0) {
    const inserted = await client.query(
      `insert into projection_checkpoints (name, commit_position, prepare_position, position, events_applied)
       values ($1, $2, $3, $4, $5) on conflict (name) do nothing`,
      [name, to.logPosition.commit.toString(), to.logPosition.prepare.toString(), to.position, applied],
    );
    if (inserted.rowCount === 1) return true;
  }
  const updated = await client.query(
    `update projection_checkpoints
        set commit_position = $2, prepare_position = $3, position = $4, events_applied = events_applied + $5, updated_at = now()
      where name = $1 and commit_position = $6 and prepare_position = $7 and status = 'running'`,
    [
      name,
      to.logPosition.commit.toString(),
      to.logPosition.prepare.toString(),
      to.position,
      applied,
      from.logPosition.commit.toString(),
      from.logPosition.prepare.toString(),
    ],
  );
  return updated.rowCount === 1;
}

/**
 * The same compare-and-set for several projections at the same checkpoint, in one statement, on
 * the transaction that applied their rows (a page's shared commit, see `ProjectionGroupRunner`).
 * Answers the names it moved; one it did not move was moved by someone else.
 */
export async function advanceCheckpoints(
  client: PoolClient,
  names: readonly string[],
  from: Checkpoint,
  to: Checkpoint,
  applied: number,
  schema?: string,
): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `update ${checkpointsTable(schema)}
        set commit_position = $2, prepare_position = $3, position = $4, events_applied = events_applied + $5, updated_at = now()
      where name = any($1) and commit_position = $6 and prepare_position = $7 and status = 'running'
     returning name`,
    [
      names,
      to.logPosition.commit.toString(),
      to.logPosition.prepare.toString(),
      to.position,
      applied,
      from.logPosition.commit.toString(),
      from.logPosition.prepare.toString(),
    ],
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Parks a projection at the event it cannot apply: durable, so a restart (or another replica) does
 * not try again; its checkpoint stays where it is, just before that event. Only a rebuild unparks it.
 */
export async function park(
  pool: Pool | PoolClient,
  name: string,
  parked: Omit<ParkedAt, 'since'>,
  schema?: string,
): Promise<void> {
  await pool.query(
    `insert into ${checkpointsTable(schema)} as c (name, commit_position, prepare_position, status,
            parked_position, parked_event_id, parked_event_type, parked_error, parked_at)
     values ($1, $2, $2, 'parked', $3, $4, $5, $6, now())
     on conflict (name) do update set status = 'parked', parked_position = $3, parked_event_id = $4,
            parked_event_type = $5, parked_error = $6, parked_at = now(), updated_at = now()`,
    [name, START_OF_LOG.commit.toString(), parked.position, parked.eventId, parked.eventType, parked.error],
  );
}
