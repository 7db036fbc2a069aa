import type { Pool } from 'pg';
import { compareLogPositions, START_OF_LOG, type EventStore, type LogPosition } from '../event-store.port';
import { leafOf, nodeSha256 } from './log-seals';
import { merklePath, MERKLE_ALGORITHM, type MerkleStep } from './merkle';

/** A seal as published (`GET /v1/audit/seals`): only seals that carry a Merkle root. */
export interface PublishedSeal {
  sealId: number;
  root: string;
  fromPosition: number;
  toPosition: number;
  sealedAt: string;
  algorithm: typeof MERKLE_ALGORITHM;
}

/** An event's place in a sealed range: what a payment's proof is made of. */
export interface EventInclusion {
  position: number;
  eventHash: string;
  seal: Omit<PublishedSeal, 'algorithm'>;
  path: MerkleStep[];
}

interface Row {
  seal_no: string;
  up_to_commit: string;
  up_to_prepare: string;
  root: Buffer | null;
  from_position: string | null;
  to_position: string | null;
  sealed_at: Date;
}

const published = (row: Row): PublishedSeal => ({
  sealId: Number(row.seal_no),
  root: row.root!.toString('hex'),
  fromPosition: Number(row.from_position),
  toPosition: Number(row.to_position),
  sealedAt: row.sealed_at.toISOString(),
  algorithm: MERKLE_ALGORITHM,
});

const upTo = (row: Row): LogPosition => ({ commit: BigInt(row.up_to_commit), prepare: BigInt(row.up_to_prepare) });

/**
 * Reads seals' roots and builds inclusion proofs. A proof is built from the log as it is now: if an
 * event in the range was changed since sealing, the path leads to another root than the sealed one,
 * and whoever checks it (the CLI, the household's phone) sees the mismatch; nothing here vouches.
 */
export class SealProofs {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
  ) {}

  /** Seals with roots, oldest first, `limit` after seal number `after`. */
  async list(after = 0, limit = 100): Promise<PublishedSeal[]> {
    const { rows } = await this.pool.query<Row>(
      `select * from log_seals where root is not null and seal_no > $1 order by seal_no limit $2`,
      [after, limit],
    );
    return rows.map(published);
  }

  /** The latest seal with a root. */
  async latest(): Promise<PublishedSeal | undefined> {
    const { rows } = await this.pool.query<Row>(
      'select * from log_seals where root is not null order by seal_no desc limit 1',
    );
    return rows[0] && published(rows[0]);
  }

  /**
   * The proof that the event at `position` is in its seal's range; undefined while it is unsealed,
   * or when its seal was made before seals had roots.
   */
  async inclusionOf(position: number): Promise<EventInclusion | undefined> {
    const at = await this.store.logPositionOf(position);
    if (!at) return undefined;
    const { rows } = await this.pool.query<Row>(
      `select * from log_seals where (up_to_commit, up_to_prepare) >= ($1::numeric, $2::numeric)
        order by seal_no limit 1`,
      [at.commit.toString(), at.prepare.toString()],
    );
    const seal = rows[0];
    if (!seal?.root) return undefined;
    const before = await this.pool.query<Row>('select * from log_seals where seal_no = $1', [Number(seal.seal_no) - 1]);
    const end = upTo(seal);
    const leaves: string[] = [];
    let index = -1;
    let eventHash = '';
    let after = before.rows[0] ? upTo(before.rows[0]) : START_OF_LOG;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: 1000 });
      const inRange = page.filter((e) => compareLogPositions(e.logPosition, end) <= 0);
      for (const event of inRange) {
        if (event.position === position) {
          index = leaves.length;
          eventHash = leafOf(event);
        }
        leaves.push(leafOf(event));
      }
      if (inRange.length < page.length || page.length === 0) break;
      after = page[page.length - 1].logPosition;
    }
    if (index < 0) return undefined;
    const { sealId, root, fromPosition, toPosition, sealedAt } = published(seal);
    return {
      position,
      eventHash,
      seal: { sealId, root, fromPosition, toPosition, sealedAt },
      path: await merklePath(nodeSha256, leaves, index),
    };
  }
}
