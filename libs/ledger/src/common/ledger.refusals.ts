import type { RefusalCatalogue } from './refusal';

/** Every refusal about any write to the ledger: its kind (hence its HTTP status) and the request field it concerns. */
export const LEDGER_REFUSALS = {
  'LEDGER.CONCURRENT_WRITE': { kind: 'conflict' },
  'LEDGER.VALUE_OUT_OF_DOMAIN': { kind: 'rule' },
} as const satisfies RefusalCatalogue;
