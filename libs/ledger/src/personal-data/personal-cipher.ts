import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import type { LedgerEvent } from '../projections/ledger-event';
import { ERASED, personalFields } from './personal-fields';

/**
 * Seals and opens an event's declared personal fields with its household's key (AES-256-GCM, a
 * fresh 12-byte nonce per field). A sealed field is the string `pd1.<nonce>.<tag>.<ciphertext>`
 * (base64url), so the event stays JSON and the hash chain covers the ciphertext: destroying the key
 * leaves every hash, amount and date as it was. Without the key a field reads `[已删除]`.
 * Used on every append and read by `PersonalDataEventStore`.
 */
const PREFIX = 'pd1.';

const NONCE_BYTES = 12;
/**
 * Nonces are cut from one buffer of random bytes, filled again once used up: one call into the
 * random generator per 1,024 fields instead of one per field (an import seals one or more a row).
 * Every nonce is still fresh bytes from the CSPRNG, never handed out twice.
 */
const NONCES_PER_FILL = 1024;
const nonces = Buffer.alloc(NONCE_BYTES * NONCES_PER_FILL);
let nextNonce = NONCES_PER_FILL;

function freshNonce(): Buffer {
  if (nextNonce === NONCES_PER_FILL) {
    randomFillSync(nonces);
    nextNonce = 0;
  }
  const at = NONCE_BYTES * nextNonce++;
  // A copy: the pool is overwritten by the next fill.
  return Buffer.from(nonces.subarray(at, at + NONCE_BYTES));
}

export function sealField(key: Buffer, plain: string): string {
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${[nonce, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
}

/** The clear text, or `[已删除]` when the key is gone; a field written before encryption reads as it is. */
export function openField(key: Buffer | undefined, stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  if (!key) return ERASED;
  const [nonce, tag, body] = stored
    .slice(PREFIX.length)
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

type Transform = (value: string) => string;

function mapPersonal<E extends LedgerEvent>(event: E, transform: Transform): E {
  const { fields } = personalFields[event.type] as { fields: readonly string[] };
  if (fields.length === 0) return event;
  const data = { ...(event.data as Record<string, unknown>) };
  for (const field of fields) {
    if (typeof data[field] === 'string') data[field] = transform(data[field]);
  }
  return { ...event, data };
}

/** The event with its personal fields sealed under `key`. */
export const sealPersonal = <E extends LedgerEvent>(event: E, key: Buffer): E =>
  mapPersonal(event, (v) => sealField(key, v));

/** The event with its personal fields opened (`[已删除]` without a key). */
export const openPersonal = <E extends LedgerEvent>(event: E, key: Buffer | undefined): E =>
  mapPersonal(event, (v) => openField(key, v));
