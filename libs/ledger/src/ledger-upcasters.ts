import type { UpcasterRegistry } from './common/upcasting';

/**
 * Upcasters of every ledger event type whose schema changed after events were stored.
 * None yet: every type is at version 1. Add steps here, never edit stored events.
 */
export const ledgerUpcasters: UpcasterRegistry = {};
