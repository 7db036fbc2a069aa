import type { Actor } from '../actor';
import type { CommandMetadata } from '../stream-writer';

export const admin: Actor = { userId: 'admin', role: 'admin', townships: [] };
export const clerkOf = (...townships: string[]): Actor => ({
  userId: `clerk-${townships.join('-')}`,
  role: 'clerk',
  townships,
});
export const auditor: Actor = { userId: 'auditor-1', role: 'auditor', townships: [] };

/** Command metadata for deciders under test: fixed ids and clock. */
export function metadataFor(actor: Actor, overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return {
    actor,
    commandId: 'command-1',
    issuedAt: '2018-07-01T08:00:00+08:00',
    correlationId: 'correlation-1',
    ...overrides,
  };
}
