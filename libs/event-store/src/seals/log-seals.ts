import { createHash } from 'node:crypto';
import { merkleRoot } from './merkle';
import type { Pool } from 'pg';
import type { Migration } from '@ledger/database';
import {
  compareLogPositions,
  START_OF_LOG,
  type EventStore,
  type LogPosition,
  type RecordedEvent,
} from '../event-store.port';

/**
 * Seals: global checkpoints over the log. A stream's hash chain shows an event edited or cut from the
 * end of that stream, but not a whole stream removed together with its head row. A seal closes a range
 * of the log in global order with a hash over every event in it, chained to the seal before; removing,
 * adding or changing any sealed event changes what `verify` recomputes for its seal.
 *
 * Seals are computed through the event-store port, so they cover either adapter; they are kept in
 * PostgreSQL (where the read models live) in an append-only table.
 */
export const logSealsMigration: Migration = {
  name: '0002-log-seals',
  up: `
    create table log_seals (
      seal_no        bigint      primary key,
      -- the last sealed event's place in log order (commit, prepare) and its client-visible position
      up_to_commit   numeric(20) not null,
      up_to_prepare  numeric(20) not null,
      up_to_position bigint      not null,
      -- events sealed by this seal and every seal before it
      events_sealed  bigint      not null,
      hash           bytea       not null,
      sealed_at      timestamptz not null default now()
    );
    create trigger log_seals_immutable before update or delete on log_seals
      for each row execute function forbid_event_change();
    create trigger log_seals_no_truncate before truncate on log_seals
      for each statement execute function forbid_event_change();
  `,
};

/**
 * Each seal also keeps the Merkle root over its range's event hashes (merkle.ts), so that one event can
 * be proved to be in a sealed range with a path of log2(n) hashes, checked against the root alone.
 * Seals made before this migration have no root (null): proofs of their events answer 404, and
 * `verify` checks their chained hash as before. A ledger rewritten by `ledger-cli
 * migrate-personal-data` is re-sealed, with roots, from its first event. `from_position` and
 * `to_position` are the lowest and highest positions in the range (log order follows transactions, so
 * the first and last event of a range need not hold its extreme positions).
 */
export const logSealRootsMigration: Migration = {
  name: '0002-log-seals-merkle-roots',
  up: `
    alter table log_seals
      add column root          bytea,
      add column from_position bigint,
      add column to_position   bigint;
  `,
};

/** Every migration of the seals' table, in order. */
export const logSealsMigrations: readonly Migration[] = [logSealsMigration, logSealRootsMigration];

/** sha256 as the Merkle arithmetic takes it. */
export const nodeSha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

/** A seal's Merkle leaf for an event: its stored chain hash (a hash of its canonical form where none is kept). */
export function leafOf(event: RecordedEvent): string {
  return event.eventHash ?? createHash('sha256').update(canonical(event)).digest('hex');
}

/** A seal as stored. */
export interface LogSeal {
  sealNo: number;
  upTo: LogPosition;
  upToPosition: number;
  eventsSealed: number;
  /** Hex sha256, chained: publishing the latest one off the system pins everything before it. */
  hash: string;
  sealedAt: Date;
  /** Merkle root (hex) over the range's event hashes; absent for seals made before roots existed. */
  root?: string;
  /** Lowest and highest position in the range (with the root). */
  fromPosition?: number;
  toPosition?: number;
}

/** What `verify` found for the seals. */
export interface SealsVerification {
  sealsChecked: number;
  eventsSealed: number;
  /** Events after the latest seal: protected by their streams' chains only, until the next seal. */
  unsealedEvents: number;
  latestSeal?: Pick<LogSeal, 'sealNo' | 'upToPosition' | 'hash' | 'sealedAt'>;
  /** The first seal whose range no longer hashes to what was sealed. */
  brokenSeal?: {
    sealNo: number;
    /** Position of the first event now in the seal's range (the seal's own end when none is left). */
    fromPosition: number;
    upToPosition: number;
    eventsExpected: number;
    eventsFound: number;
    /** What no longer matches: the chained hash over the range, its Merkle root, or both. */
    mismatch: 'hash' | 'root' | 'hash_and_root';
  };
  /** Seals checked that carry a Merkle root (the others were made before roots existed). */
  rootsChecked: number;
}

const EMPTY = Buffer.alloc(0);
const PAGE = 1000;

/** Everything stored about an event, in a fixed order, as the seal hashes it. */
function canonical(event: RecordedEvent): string {
  return JSON.stringify([
    event.position,
    event.streamId,
    event.revision,
    event.id,
    event.type,
    event.data,
    event.metadata,
    event.recordedAt.toISOString(),
  ]);
}

interface SealRow {
  seal_no: string;
  up_to_commit: string;
  up_to_prepare: string;
  up_to_position: string;
  events_sealed: string;
  hash: Buffer;
  sealed_at: Date;
  root: Buffer | null;
  from_position: string | null;
  to_position: string | null;
}

const toSeal = (row: SealRow): LogSeal => ({
  sealNo: Number(row.seal_no),
  upTo: { commit: BigInt(row.up_to_commit), prepare: BigInt(row.up_to_prepare) },
  upToPosition: Number(row.up_to_position),
  eventsSealed: Number(row.events_sealed),
  hash: row.hash.toString('hex'),
  sealedAt: row.sealed_at,
  ...(row.root ? { root: row.root.toString('hex') } : {}),
  ...(row.from_position !== null ? { fromPosition: Number(row.from_position) } : {}),
  ...(row.to_position !== null ? { toPosition: Number(row.to_position) } : {}),
});

export class LogSeals {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
  ) {}

  async latest(): Promise<LogSeal | undefined> {
    const { rows } = await this.pool.query<SealRow>('select * from log_seals order by seal_no desc limit 1');
    return rows[0] && toSeal(rows[0]);
  }

  /**
   * Seals what the log holds past the latest seal, at most `maxEvents` of it (only events no running
   * transaction can still precede, as `readAll` gives them). Answers the new seal, or undefined when
   * there was nothing to seal or another sealer took the same number first.
   */
  async seal(maxEvents = 100_000): Promise<LogSeal | undefined> {
    const previous = await this.latest();
    const hash = createHash('sha256').update(previous ? Buffer.from(previous.hash, 'hex') : EMPTY);
    let after = previous?.upTo ?? START_OF_LOG;
    let last: RecordedEvent | undefined;
    let count = 0;
    const leaves: string[] = [];
    let lowest = Infinity;
    let highest = -Infinity;
    while (count < maxEvents) {
      const page = await this.store.readAll({ after, maxCount: Math.min(PAGE, maxEvents - count) });
      if (page.length === 0) break;
      for (const event of page) {
        hash.update(canonical(event));
        leaves.push(leafOf(event));
        lowest = Math.min(lowest, event.position);
        highest = Math.max(highest, event.position);
      }
      count += page.length;
      last = page[page.length - 1];
      after = last.logPosition;
    }
    if (!last) return undefined;
    const { rows } = await this.pool.query<SealRow>(
      `insert into log_seals (seal_no, up_to_commit, up_to_prepare, up_to_position, events_sealed, hash,
                              root, from_position, to_position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (seal_no) do nothing returning *`,
      [
        (previous?.sealNo ?? 0) + 1,
        last.logPosition.commit.toString(),
        last.logPosition.prepare.toString(),
        last.position,
        (previous?.eventsSealed ?? 0) + count,
        hash.digest(),
        Buffer.from(await merkleRoot(nodeSha256, leaves), 'hex'),
        lowest,
        highest,
      ],
    );
    return rows[0] && toSeal(rows[0]);
  }

  /** Recomputes every seal from the log as it is now. */
  async verify(): Promise<SealsVerification> {
    const { rows } = await this.pool.query<SealRow>('select * from log_seals order by seal_no');
    const seals = rows.map(toSeal);
    let index = 0;
    let hash = createHash('sha256').update(EMPTY);
    let inSeal = 0;
    let firstInSeal: number | undefined;
    let unsealed = 0;
    let broken: SealsVerification['brokenSeal'];
    let previousCount = 0;
    let leaves: string[] = [];
    let rootsChecked = 0;

    const close = async (seal: LogSeal) => {
      const digest = hash.digest();
      const expected = seal.eventsSealed - previousCount;
      const hashOk = digest.toString('hex') === seal.hash && inSeal === expected;
      let rootOk = true;
      if (seal.root !== undefined) {
        rootsChecked += 1;
        rootOk = leaves.length > 0 && (await merkleRoot(nodeSha256, leaves)) === seal.root;
      }
      if (!broken && (!hashOk || !rootOk)) {
        broken = {
          sealNo: seal.sealNo,
          fromPosition: firstInSeal ?? seal.upToPosition,
          upToPosition: seal.upToPosition,
          eventsExpected: expected,
          eventsFound: inSeal,
          mismatch: !hashOk && !rootOk ? 'hash_and_root' : hashOk ? 'root' : 'hash',
        };
      }
      leaves = [];
      // The next seal chains to the hash as sealed, so one broken range does not mark all after it.
      hash = createHash('sha256').update(Buffer.from(seal.hash, 'hex'));
      previousCount = seal.eventsSealed;
      inSeal = 0;
      firstInSeal = undefined;
    };

    let after = START_OF_LOG;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      if (page.length === 0) break;
      for (const event of page) {
        while (index < seals.length && compareLogPositions(event.logPosition, seals[index].upTo) > 0) {
          await close(seals[index++]);
        }
        if (index < seals.length) {
          hash.update(canonical(event));
          leaves.push(leafOf(event));
          inSeal += 1;
          firstInSeal ??= event.position;
        } else {
          unsealed += 1;
        }
      }
      after = page[page.length - 1].logPosition;
    }
    while (index < seals.length) await close(seals[index++]);

    const latest = seals.at(-1);
    return {
      sealsChecked: seals.length,
      eventsSealed: latest?.eventsSealed ?? 0,
      unsealedEvents: unsealed,
      rootsChecked,
      ...(latest
        ? {
            latestSeal: {
              sealNo: latest.sealNo,
              upToPosition: latest.upToPosition,
              hash: latest.hash,
              sealedAt: latest.sealedAt,
            },
          }
        : {}),
      ...(broken ? { brokenSeal: broken } : {}),
    };
  }
}
