import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import type { Pool } from 'pg';
import type { NewEvent } from '@ledger/event-store';
import { merkleRoot } from '@ledger/event-store/seals/merkle';
import { nodeSha256 } from '@ledger/event-store/seals/log-seals';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  LineDigest,
  backupLines,
  checkBackup,
  type BackupEvent,
  type BackupHeader,
  type BackupRecord,
  type BackupTrailer,
} from '@ledger/runtime/backup';
import { declarationOf, householdIdIn, sealedEvent, SEALED_FOR } from './personal-data-event-store';
import { rowHouseholds, sealRows } from './personal-rows';

/** A seal of the old log, as the rewrite supersedes it (to be kept on record with the new root). */
export interface SupersededSeal {
  sealNo: number;
  upToPosition: number;
  hash: string;
  root?: string;
}

export interface PersonalDataMigration {
  events: number;
  /** Events whose personal fields were sealed by this rewrite. */
  eventsSealed: number;
  households: number;
  /** Every seal of the old log, superseded: its hash and root no longer match the rewritten log. */
  oldSeals: SupersededSeal[];
  /** Merkle root over the rewritten log's event hashes in log order: the root of its first seal. */
  newRoot?: string;
}

const hexOf = (bytea: unknown): string | undefined =>
  typeof bytea === 'string' ? bytea.replace(/^\\x/, '') : undefined;

/**
 * Rewrites a backup of a log written before personal fields were sealed into one in the sealed
 * format, for `ledger-cli restore`: each household gets a key (carried over if it had one), every
 * declared personal field still in clear is sealed, and every stream's hash chain is recomputed over
 * the new content (the chain hash `event_hash` of the event store, with PostgreSQL giving the JSON
 * text it hashes, so the restore's own check proves the chains). Positions, ids, recording times and
 * order stay. The old seals are dropped from the new backup and reported: they certified the old
 * content, so every earlier seal and published root is superseded; the rewritten log is sealed anew
 * (its first seal's root is `newRoot`).
 */
export async function migratePersonalData(
  pool: Pool,
  oldFile: string,
  newFile: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<PersonalDataMigration> {
  const { header } = await checkBackup(oldFile);
  const keys = new Map<string, Buffer>();
  /** Households already erased in the old log's key store: their fields are written as [已删除]. */
  const erased = new Set<string>();
  const oldSeals: SupersededSeal[] = [];
  for await (const { line } of backupLines(oldFile)) {
    if (line.kind !== 'record') continue;
    if (line.table === 'household_keys') {
      const key = hexOf(line.row.key);
      if (key === undefined) erased.add(String(line.row.household_id));
      else keys.set(String(line.row.household_id), Buffer.from(key, 'hex'));
    }
    if (line.table === 'log_seals')
      oldSeals.push({
        sealNo: Number(line.row.seal_no),
        upToPosition: Number(line.row.up_to_position),
        hash: hexOf(line.row.hash)!,
        ...(hexOf(line.row.root) ? { root: hexOf(line.row.root) } : {}),
      });
  }

  const partial = `${newFile}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const piped = new Promise<void>((resolve, reject) => {
    gzip.pipe(out).on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  const digest = new LineDigest();
  const write = async (value: unknown) => {
    const text = JSON.stringify(value);
    digest.add(text);
    if (!gzip.write(`${text}\n`)) await once(gzip, 'drain');
  };

  const streamHouseholds = new Map<string, string>();
  /** A reversal or return on a dividend declaration's stream is the paid household's. */
  const paymentHouseholds = new Map<string, string>();
  const heads = new Map<string, Buffer>();
  const leaves: string[] = [];
  let events = 0;
  let eventsSealed = 0;
  let group: BackupEvent[] = [];

  const keyOf = (household: string): Buffer | undefined => {
    if (erased.has(household)) return undefined;
    let key = keys.get(household);
    if (!key) {
      key = randomBytes(32);
      keys.set(household, key);
    }
    return key;
  };

  /** One original transaction's events: sealed, then re-chained with PostgreSQL's JSON text. */
  const flush = async () => {
    if (group.length === 0) return;
    const sealed = group.map((event) => {
      const declared = declarationOf(event.type);
      if (declared?.household === 'householdId') {
        const id = householdIdIn(event.data);
        if (id !== undefined && !streamHouseholds.has(event.streamId)) streamHouseholds.set(event.streamId, id);
      }
      const paymentId = (event.data as { paymentId?: unknown } | null)?.paymentId;
      const paid = householdIdIn(event.data);
      if (typeof paymentId === 'string' && paid !== undefined) paymentHouseholds.set(paymentId, paid);
      const already = (event.metadata as Record<string, unknown> | null)?.[SEALED_FOR] !== undefined;
      // A notice's rows, each sealed with its own household's key (rows already sealed stay).
      const households = rowHouseholds(event);
      if (households.length > 0) {
        const rowsSealed = sealRows(event, new Map(households.map((h) => [h, keyOf(h)])));
        if (JSON.stringify(rowsSealed.data) !== JSON.stringify(event.data)) eventsSealed += 1;
        return rowsSealed;
      }
      if (!declared || declared.fields.length === 0 || already) return event;
      const owner =
        declared.household === 'householdId'
          ? householdIdIn(event.data)
          : (streamHouseholds.get(event.streamId) ??
            (typeof paymentId === 'string' ? paymentHouseholds.get(paymentId) : undefined));
      if (owner === undefined)
        throw new Error(`No household to seal ${event.type} at position ${event.position} with.`);
      const asNew = sealedEvent(event as unknown as NewEvent, owner, new Map([[owner, keyOf(owner)]]));
      eventsSealed += 1;
      return { ...event, data: asNew.data, metadata: asNew.metadata };
    });
    const { rows } = await pool.query<{ data: string; metadata: string; micros: string }>(
      `select (e->'data')::text as data, (e->'metadata')::text as metadata,
              (extract(epoch from (e->>'recordedAt')::timestamptz) * 1000000)::bigint::text as micros
         from jsonb_array_elements($1::jsonb) with ordinality as t(e, i) order by i`,
      [JSON.stringify(sealed.map((e) => ({ data: e.data, metadata: e.metadata, recordedAt: e.recordedAt })))],
    );
    for (let i = 0; i < sealed.length; i++) {
      const e = sealed[i];
      const text = [
        e.streamId,
        String(e.revision),
        e.id.toLowerCase(),
        e.type,
        rows[i].data,
        rows[i].metadata,
        rows[i].micros,
      ];
      const previous = heads.get(e.streamId) ?? Buffer.alloc(0);
      const hash = createHash('sha256').update(previous).update(text.join('\u001f'), 'utf8').digest();
      heads.set(e.streamId, hash);
      leaves.push(hash.toString('hex'));
      await write({ ...e, hash: hash.toString('hex') });
    }
    events += sealed.length;
    progress(events, header.events);
    group = [];
  };

  try {
    const newHeader: BackupHeader = {
      kind: 'header',
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: header.createdAt,
      events: header.events,
    };
    await write(newHeader);
    let recordsStarted = false;
    for await (const { line } of backupLines(oldFile)) {
      if (line.kind === 'event') {
        if (group.length > 0 && group[0].tx !== line.tx) await flush();
        group.push(line);
      } else if (line.kind === 'record') {
        if (!recordsStarted) {
          await flush();
          recordsStarted = true;
        }
        // Old seals certify the old content: superseded, reported, not restored.
        if (line.table === 'log_seals' || line.table === 'household_keys') continue;
        await write(line);
      }
    }
    await flush();
    const now = new Date().toISOString();
    for (const [household, key] of keys) {
      const row = { household_id: household, key: `\\x${key.toString('hex')}`, created_at: now, erased_at: null };
      await write({ kind: 'record', table: 'household_keys', row } satisfies BackupRecord);
    }
    // Erased households keep their tombstones: never a new key for them.
    for (const household of erased) {
      const row = { household_id: household, key: null, created_at: now, erased_at: now };
      await write({ kind: 'record', table: 'household_keys', row } satisfies BackupRecord);
    }
    const trailer: BackupTrailer = { kind: 'end', lines: digest.lines, events, sha256: digest.digest() };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await piped;
    await rename(partial, newFile);
  } catch (error) {
    gzip.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return {
    events,
    eventsSealed,
    households: keys.size + erased.size,
    oldSeals,
    ...(leaves.length > 0 && leaves.length <= 100_000 ? { newRoot: await merkleRoot(nodeSha256, leaves) } : {}),
  };
}
