import { hash as oneShotHash, randomUUID } from 'node:crypto';

/**
 * A UUID derived from a name (SHA-1 based, RFC 9562 version 5 layout). The same command always
 * yields the same event ids and resource ids, so a retried command is recognised, never doubled.
 */
export function nameBasedUuid(...parts: string[]): string {
  // The one-shot hash: the same digest as createHash('sha1'), at less than half the cost.
  const hash = oneShotHash('sha1', parts.join('\u001f'), 'buffer');
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A command id for a request without an idempotency key: unique, so never treated as a retry. */
export function newCommandId(): string {
  return randomUUID();
}

/** A command id for a request with an idempotency key: the same caller and key give the same id. */
export function commandIdForKey(callerId: string, key: string): string {
  return nameBasedUuid('idempotency', callerId, key);
}

/**
 * The id of a record a command creates (`lease-…`), which is also its stream's name. Derived from
 * the command id, so a retried command creates the same record instead of a second one.
 */
export function newStreamId(kind: string, command: { commandId: string }): string {
  return `${kind}-${nameBasedUuid(kind, command.commandId)}`;
}
