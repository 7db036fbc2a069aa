import { randomBytes } from 'node:crypto';
import type { Migration } from '@ledger/database';
import type { Pool } from 'pg';

/**
 * One random 256-bit key per household, kept apart from the log: in its own table of the ledger's
 * database, whichever back end holds the events (PostgreSQL or EventStoreDB), so that destroying a
 * key is an UPDATE of this table while the log itself is never touched.
 *
 * An erased household keeps its row with `key` null and `erased_at` set (a tombstone): a field
 * written for it afterwards is stored as `[已删除]`, never under a new key, so an erasure holds for
 * good. Dropping the row instead would let the next write create a fresh key.
 */
export const householdKeysMigration: Migration = {
  name: '0960-erasure-household-keys',
  up: `
    create table household_keys (
      household_id text primary key,
      key          bytea,
      created_at   timestamptz not null default now(),
      erased_at    timestamptz,
      check ((key is null) = (erased_at is not null)),
      check (key is null or octet_length(key) = 32)
    );
  `,
};

/** What the store answers for a household: its key, or `undefined` once erased. */
export type KeyLookup = ReadonlyMap<string, Buffer | undefined>;

export class HouseholdKeys {
  constructor(private readonly pool: Pick<Pool, 'query'>) {}

  /**
   * The keys to seal with, one query for the whole batch (two when some are new): a household with
   * no key yet gets one now (its first personal field is being written). Committed on its own, before
   * the events: a key whose events then fail to append is harmless, an event without its key is not.
   * Erased households answer `undefined`.
   */
  async forSealing(householdIds: Iterable<string>): Promise<KeyLookup> {
    const ids = [...new Set(householdIds)];
    if (ids.length === 0) return new Map();
    const found = await this.forOpening(ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length === 0) return found;
    const keys = missing.map(() => randomBytes(32));
    // Two writers creating the same household's key at once: the first wins, both read it back.
    await this.pool.query(
      `insert into household_keys (household_id, key)
       select * from unnest($1::text[], $2::bytea[]) on conflict (household_id) do nothing`,
      [missing, keys],
    );
    const created = await this.forOpening(missing);
    return new Map([...found, ...created]);
  }

  /** The keys to open with: households without a row are absent, erased ones map to `undefined`. */
  async forOpening(householdIds: Iterable<string>): Promise<Map<string, Buffer | undefined>> {
    const ids = [...new Set(householdIds)];
    const keys = new Map<string, Buffer | undefined>();
    if (ids.length === 0) return keys;
    const { rows } = await this.pool.query<{ household_id: string; key: Buffer | null }>({
      name: 'ledger_household_keys',
      text: 'select household_id, key from household_keys where household_id = any($1::text[])',
      values: [ids],
    });
    for (const r of rows) keys.set(r.household_id, r.key ?? undefined);
    return keys;
  }

  /**
   * Destroys the household's key for good (a tombstone stays, see above). Idempotent: the erasure
   * route, a replay of it and the re-application after a restore all end here.
   */
  async destroy(householdId: string): Promise<void> {
    await this.pool.query(
      `insert into household_keys (household_id, key, erased_at) values ($1, null, now())
       on conflict (household_id) do update set key = null, erased_at = coalesce(household_keys.erased_at, now())`,
      [householdId],
    );
  }

  /** Households whose key is destroyed. */
  async erased(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ household_id: string }>(
      'select household_id from household_keys where erased_at is not null',
    );
    return new Set(rows.map((r) => r.household_id));
  }
}
